/**
 * Preloaded with `node --import ./tests/robustness/fail-rename.ts scripts/import.ts …`: the
 * rename number FAIL_RENAME_AT (1-based) of the process fails with an I/O error, as a full disk or
 * a yanked USB stick would make it fail. Every other rename works.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const failAt = Number(process.env.FAIL_RENAME_AT ?? '1');
const rename = fs.promises.rename;
let calls = 0;

fs.promises.rename = async (from, to) => {
  calls += 1;
  if (calls === failAt) {
    const error: NodeJS.ErrnoException = new Error(
      `EIO: i/o error, rename '${String(from)}' -> '${String(to)}'`,
    );
    error.code = 'EIO';
    error.syscall = 'rename';
    throw error;
  }
  return rename(from, to);
};
// `import { rename } from 'node:fs/promises'` in the importer now sees the replacement.
syncBuiltinESMExports();
