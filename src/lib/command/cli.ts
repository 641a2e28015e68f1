/** What every command-line script shares. */

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
