/**
 * `npm run deploy-config [-- --base PATH --out DIR]`
 *
 * Writes the nginx, Caddy and Apache configurations from the rules in src/lib/hosting/rules.ts,
 * with the Content-Security-Policy header derived from astro.config.mjs. Without options it
 * rewrites the shipped ones in deploy/ (for the root and for /reading-list/); with --base it writes
 * the three files for that base path into --out.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import config from '../astro.config.mjs';
import { runMain } from '../src/lib/command/cli.ts';
import { cspDirectives, headerCsp } from '../src/lib/hosting/rules.ts';
import { deployFiles, serverConfigs } from '../src/lib/hosting/servers.ts';
import { siteAddress } from '../src/lib/site/site-config.ts';

const USAGE = `usage: npm run deploy-config [-- --base PATH --out DIR]

  --base PATH  the BASE_PATH the site is built for, such as /papers/ (needs --out)
  --out DIR    the folder to write nginx.conf, Caddyfile and apache.htaccess into`;

async function write(dir: string, files: readonly [string, string][]): Promise<void> {
  for (const [file, text] of files) {
    const target = path.join(dir, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, text);
    process.stdout.write(`wrote ${target}\n`);
  }
}

await runMain(
  {
    name: 'npm run deploy-config',
    usage: USAGE,
    options: { base: { type: 'string' }, out: { type: 'string' } },
  },
  async ({ values, usageError }) => {
    const csp = headerCsp(cspDirectives(config.security?.csp));
    if (values.base === undefined && values.out === undefined) {
      await write('deploy', deployFiles(csp));
      return;
    }
    if (values.base === undefined || values.out === undefined) {
      return usageError('give both --base and --out');
    }
    const { base } = siteAddress({ BASE_PATH: values.base });
    await write(values.out, serverConfigs({ base, csp }));
  },
);
