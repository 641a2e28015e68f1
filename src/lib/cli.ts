/** What every command-line script shares. */

/**
 * Prints `message` to standard error and ends the process with `code` (1 for bad input, 2 for a
 * mistaken command line), so a script can stop from anywhere with one clear line.
 */
export function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}
