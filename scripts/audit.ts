/**
 * `npm run audit [-- --dist DIR --runs N --preset mobile|desktop --server nginx|caddy --query WORD
 *                   --http1]`
 *
 * Serves a built site with the shipped nginx (or Caddy) configuration on 127.0.0.1, over HTTPS and
 * HTTP/2 as public hosts serve it, and runs
 * Lighthouse on one page of each kind, mobile and desktop, several times each, then prints a
 * table of the four category scores and the lab metrics (the median of the runs). Build first:
 * `npm run build && npm run audit`.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { auditPages, auditSite, formatTable, type Preset } from '../audit/lighthouse.ts';
import { startServer } from '../audit/servers.ts';
import { fail, runMain, type CommandLine } from '../src/lib/command/cli.ts';
import { siteAddress } from '../src/lib/site/site-config.ts';

const USAGE = `usage: npm run audit [-- options]

  --dist DIR        the built site (default: dist), built with the BASE_PATH of this shell
  --runs N          Lighthouse runs per page and preset; the table shows medians (default: 3)
  --preset NAME     mobile or desktop (default: both)
  --server NAME     nginx or caddy, started with the configuration in deploy/ (default: nginx)
  --query WORD      the search page's query (default: dropout)
  --http1           serve plain HTTP/1.1 instead of HTTPS with HTTP/2 (the default, as every public
                    static host serves; the server's certificate is made for the run)`;

const OPTIONS = {
  dist: { type: 'string', default: 'dist' },
  runs: { type: 'string', default: '3' },
  preset: { type: 'string' },
  server: { type: 'string', default: 'nginx' },
  query: { type: 'string', default: 'dropout' },
  http1: { type: 'boolean', default: false },
} as const;

async function main({ values, usageError: usage }: CommandLine<typeof OPTIONS>): Promise<void> {
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1)
    usage(`--runs: "${values.runs}" is not a whole number of at least 1`);
  const { preset, server: kind } = values;
  if (preset !== undefined && preset !== 'mobile' && preset !== 'desktop') {
    return usage(`--preset: "${preset}" is neither mobile nor desktop`);
  }
  if (kind !== 'nginx' && kind !== 'caddy') {
    return usage(`--server: "${kind}" is neither nginx nor caddy`);
  }
  const presets: Preset[] = preset === undefined ? ['mobile', 'desktop'] : [preset];
  const dist = path.resolve(values.dist);
  const headersFile = path.join(dist, '_headers');
  if (!existsSync(headersFile))
    fail(`${dist} holds no built site (no _headers file): run npm run build first`);
  // The build's _headers names its base path in its first rule: the site must be served there.
  const { base } = siteAddress(process.env);
  const firstRule = (await readFile(headersFile, 'utf8'))
    .split('\n')
    .find((line) => line.startsWith('/'));
  if (firstRule !== `${base}*`) {
    fail(
      `${dist} was built for another BASE_PATH (its _headers starts with ${firstRule ?? 'nothing'}); ` +
        `run the audit with the BASE_PATH of the build (now ${base})`,
    );
  }

  const pages = await auditPages(dist, values.query);
  const server = await startServer(kind, dist, base, { tls: !values.http1 });
  const protocol = values.http1 ? 'HTTP/1.1' : 'HTTPS and HTTP/2';
  process.stderr.write(`${kind} with deploy/ serving ${dist} at ${server.url} (${protocol})\n`);
  try {
    const rows = await auditSite({
      siteUrl: server.url,
      pages,
      presets,
      runs,
      onRow: ({ page, preset, median }) => {
        process.stderr.write(
          `${preset} ${page.name}: ${median.performance}/${median.accessibility}/` +
            `${median.bestPractices}/${median.seo}\n`,
        );
      },
    });
    process.stdout.write(
      `Lighthouse on ${pages.length} pages, median of ${runs} run${runs === 1 ? '' : 's'}, ` +
        `served by ${kind} with deploy/ over ${protocol}:\n\n${formatTable(rows)}`,
    );
  } finally {
    await server.close();
  }
}

await runMain({ name: 'npm run audit', usage: USAGE, options: OPTIONS }, main);
