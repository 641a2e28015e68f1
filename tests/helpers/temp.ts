import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

/**
 * A factory for temporary folders (fs.mkdtemp in os.tmpdir()) that are all removed after each
 * test of the file that calls it.
 */
export function useTempDirs(): (label: string) => Promise<string> {
  const created: string[] = [];
  afterEach(async () => {
    await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });
  return async (label: string) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), `reading-list-${label}-`));
    created.push(dir);
    return dir;
  };
}

/** Every file of a folder (not recursive, hidden files included) with its text, by name. */
export async function snapshotDir(dir: string): Promise<Map<string, string>> {
  const names = (await readdir(dir)).sort();
  const files = new Map<string, string>();
  for (const name of names) files.set(name, await readFile(path.join(dir, name), 'utf8'));
  return files;
}
