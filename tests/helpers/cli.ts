/** Runs one of the project's command-line scripts the way a contributor would, and reports back. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { repoRoot } from './paths.ts';

const execFileAsync = promisify(execFile);

/** What a finished command printed and how it exited. */
export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node scripts/<script> …args` from the repository root. Inside Vitest, process.execPath is
 * the project's Node 24, which the scripts need. A non-zero exit is returned, not thrown.
 */
export async function runScript(script: string, args: readonly string[]): Promise<Run> {
  try {
    const { stdout, stderr } = await execFileAsync(
      process.execPath,
      [`scripts/${script}`, ...args],
      {
        cwd: repoRoot,
        encoding: 'utf8',
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof failed.code !== 'number') throw error;
    return { code: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}
