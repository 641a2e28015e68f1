/**
 * What every command-line script shares: reading its options, `--help`, the usage text after a
 * mistaken command line, and one clear message and exit code when it must stop.
 *
 * Exit codes: 0 done, 1 bad input (the problems are printed), 2 a mistaken command line.
 */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { ProblemError } from '../problems/problem.ts';

/**
 * Prints `message` to standard error and ends the process with `code` (1 for bad input, 2 for a
 * mistaken command line), so a script can stop from anywhere with one clear line.
 */
export function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

/**
 * Ends the command with one clear line when the file system refused (a folder where a file should
 * be, no permission, a full disk), and rethrows anything else. Every writer in the project
 * writes atomically, so the message can promise that no file is half-written.
 */
export function failOnFileSystemError(error: unknown, command: string): never {
  const code = (error as NodeJS.ErrnoException).code;
  if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) throw error;
  fail(
    `${command} stopped: ${(error as Error).message}\n` +
      `Every file is either as it was or completely written; run ${command} again once this is fixed.`,
  );
}

const HELP = { help: { type: 'boolean', short: 'h', default: false } } as const;

/** A command as its script declares it. */
export interface Command<O extends ParseArgsOptionsConfig> {
  /** How the command is named in messages, such as `npm run import`. */
  name: string;
  /** What `--help` prints, and what follows a mistaken command line. */
  usage: string;
  /** The options besides `--help`, as `parseArgs` of `node:util` takes them. */
  options: O;
  /** Whether the command takes arguments besides its options, such as file names. */
  positionals?: boolean;
  /** What is said after the problems that stop the command, such as `Nothing was written.` */
  afterProblems?: string;
}

/** The options of a command that has none but `--help`. */
export type NoOptions = Record<string, never>;

/** The command line as the command's `main` receives it. */
export interface CommandLine<O extends ParseArgsOptionsConfig> {
  values: ReturnType<typeof parseArgs<{ options: O & typeof HELP }>>['values'];
  positionals: string[];
  /** Stops with `message` and the usage text, exit code 2. */
  usageError: (message: string) => never;
}

/**
 * Runs a command: parses its command line (a mistaken one exits 2 with the usage text), prints
 * the usage for `--help`, and runs `main`. A `ProblemError` that reaches here is printed line by
 * line and exits 1; a refusal of the file system ends with one line instead of a stack trace.
 */
export async function runMain<const O extends ParseArgsOptionsConfig>(
  command: Command<O>,
  main: (line: CommandLine<O>) => Promise<void>,
): Promise<void> {
  const usageError = (message: string): never => fail(`${message}\n\n${command.usage}`, 2);
  let parsed: Pick<CommandLine<O>, 'values' | 'positionals'>;
  try {
    parsed = parseArgs({
      options: { ...command.options, ...HELP },
      allowPositionals: command.positionals ?? false,
    });
  } catch (error) {
    return usageError((error as Error).message);
  }
  if ((parsed.values as { help?: boolean }).help === true) {
    process.stdout.write(`${command.usage}\n`);
    return;
  }
  try {
    await main({ values: parsed.values, positionals: parsed.positionals, usageError });
  } catch (error) {
    if (error instanceof ProblemError) {
      const after = command.afterProblems;
      fail(after === undefined ? error.message : `${error.message}\n${after}`);
    }
    failOnFileSystemError(error, command.name);
  }
}
