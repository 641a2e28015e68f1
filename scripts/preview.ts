/**
 * `npm run preview [-- astro preview options]`: serves the built `dist/` with `astro preview`, at
 * the base path it was built for (see src/lib/hosting/preview-address.ts).
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { fail } from '../src/lib/command/cli.ts';
import { previewEnvironment } from '../src/lib/hosting/preview-address.ts';

const homePage = await readFile('dist/index.html', 'utf8').catch(() => undefined);
if (homePage === undefined) fail('dist/index.html does not exist: run `npm run build` first.');
const { env, note } = previewEnvironment(process.env, homePage);
if (note !== undefined) process.stdout.write(`${note}\n`);
const astro = fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url));
const child = spawn(process.execPath, [astro, 'preview', ...process.argv.slice(2)], {
  env,
  stdio: 'inherit',
});
child.once('exit', (code, signal) => {
  process.exit(code ?? (signal === null ? 1 : 128));
});
