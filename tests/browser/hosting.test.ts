/**
 * Hosting, for real: the `_headers` file the build writes for Netlify and Cloudflare Pages, and
 * real nginx and Caddy started with the configurations shipped in `deploy/sub-path/`, serving a
 * build of the fixture corpus under `/reading-list/`. Neither server is optional: without one
 * installed these tests fail and say how to install it.
 */
import { readFile } from 'node:fs/promises';
import { connect, type IncomingHttpHeaders } from 'node:http2';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type RunningServer, type ServerKind } from '../../audit/servers.ts';
import { listFiles } from '../../src/integrations/headers.ts';
import { REVALIDATE } from '../../src/lib/hosting/rules.ts';
import { readCorpus, type Corpus } from './fixture-corpus.ts';
import { launchBrowser } from '../../harness/chromium.ts';
import { fixtureSite } from '../helpers/fixture-sites.ts';
import { newPage, searchResultLinks, type RecordedPage } from './pages.ts';

const BASE = '/reading-list/';
const IMMUTABLE = 'public, max-age=31536000, immutable';

let dist: string;
let files: string[];
let rules: Rule[];
let corpus: Corpus;
let browser: Browser | undefined;

interface Rule {
  pattern: RegExp;
  headers: [name: string, value: string][];
}

/**
 * Reads a `_headers` file the way Netlify and Cloudflare Pages do: a line starting with `/` opens
 * a rule for that path, where `*` matches anything; indented `Name: value` lines are its headers.
 * Written here rather than taken from the code that writes the file, so the two check each other.
 */
function parseHeaders(text: string): Rule[] {
  const parsed: Rule[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const source = line
        .trim()
        .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
        .replaceAll('*', '.*');
      parsed.push({ pattern: new RegExp(`^${source}$`), headers: [] });
      continue;
    }
    const match = /^\s+([\w-]+):\s*(.*)$/.exec(line);
    const rule = parsed.at(-1);
    if (match === null || rule === undefined) throw new Error(`unreadable line: ${line}`);
    rule.headers.push([match[1] ?? '', match[2] ?? '']);
  }
  return parsed;
}

/** Every value a header gets for a URL path, from all the rules that match it. */
function headerValues(urlPath: string, name: string): string[] {
  return rules
    .filter((rule) => rule.pattern.test(urlPath))
    .flatMap((rule) => rule.headers)
    .filter(([header]) => header.toLowerCase() === name.toLowerCase())
    .map(([, value]) => value);
}

/** The URL paths that serve a file: its own, and its folder's for an index.html. */
function urlPaths(file: string): string[] {
  const paths = [`${BASE}${file}`];
  if (file === 'index.html') paths.push(BASE);
  else if (file.endsWith('/index.html'))
    paths.push(`${BASE}${file.slice(0, -'index.html'.length)}`);
  return paths;
}

/**
 * Files whose names carry a hash of their content, recognised by name the way Astro and Pagefind
 * write them: `_astro/Name.<8 characters>.css|js`, and Pagefind's `<language>_<hex>` chunks.
 */
function looksHashed(file: string): boolean {
  return (
    /^_astro\/.+\.[\w-]{8}\.(?:js|css|svg|woff2)$/.test(file) ||
    /^pagefind\/(?:.+\/)?(?:pagefind\.)?[a-z-]+_[0-9a-f]{7,}\.pf_(?:fragment|index|filter|meta)$/.test(
      file,
    )
  );
}

beforeAll(async () => {
  corpus = await readCorpus();
  dist = await fixtureSite(BASE);
  files = (await listFiles(dist)).filter((file) => file !== '_headers');
  rules = parseHeaders(await readFile(path.join(dist, '_headers'), 'utf8'));
});

afterAll(async () => {
  await browser?.close();
});

describe('the _headers file for Netlify and Cloudflare Pages', () => {
  test('caches every hashed file for a year, immutable', () => {
    const hashed = files.filter(looksHashed);
    // Each kind is there, so the test cannot pass on a build that lost its assets.
    for (const kind of [/^_astro\/.+\.css$/, /\.pf_fragment$/, /\.pf_index$/, /\.pf_meta$/]) {
      expect(
        hashed.some((file) => kind.test(file)),
        String(kind),
      ).toBe(true);
    }
    const wrong = hashed.filter(
      (file) => headerValues(`${BASE}${file}`, 'Cache-Control').join() !== IMMUTABLE,
    );
    expect(wrong).toEqual([]);
  });

  test('never caches a page, feed, papers.json or export without revalidating it', () => {
    const kept = files.filter((file) => !looksHashed(file));
    for (const file of [
      'index.html',
      '404.html',
      'feed.xml',
      'papers.json',
      'papers.bib',
      'papers.csv',
    ]) {
      expect(kept).toContain(file);
    }
    const wrong = kept.flatMap(urlPaths).filter((urlPath) => {
      const values = headerValues(urlPath, 'Cache-Control');
      return (
        values.length !== 1 ||
        !/(?:^|, )(?:max-age=0, must-revalidate|no-cache)(?:,|$)/.test(values[0] ?? '')
      );
    });
    expect(wrong).toEqual([]);
  });

  test('sends the security headers once on every path, with frame-ancestors in the policy', () => {
    for (const urlPath of files.flatMap(urlPaths)) {
      for (const name of ['Content-Security-Policy', 'X-Content-Type-Options', 'Referrer-Policy']) {
        expect(headerValues(urlPath, name), `${name} of ${urlPath}`).toHaveLength(1);
      }
    }
    expect(headerValues(BASE, 'Content-Security-Policy')[0]).toMatch(
      /(?:^|; )frame-ancestors 'none'(?:;|$)/,
    );
    expect(headerValues(BASE, 'X-Content-Type-Options')).toEqual(['nosniff']);
  });
});

/** A file of the build of each kind the servers must get right, by the path below the base. */
function sampleFiles() {
  const find = (test: RegExp): string => {
    const file = files.find((candidate) => test.test(candidate));
    if (file === undefined) throw new Error(`the build has no file matching ${String(test)}`);
    return file;
  };
  return {
    page: find(/^papers\/[^/]+\/index\.html$/),
    css: find(/^_astro\/.+\.css$/),
    fragment: find(/\.pf_fragment$/),
    meta: find(/\.pf_meta$/),
    wasm: find(/^pagefind\/wasm\.[\w-]+\.pagefind$/),
    script: 'pagefind/pagefind.js',
    json: 'papers.json',
    feed: 'feed.xml',
    bib: 'papers.bib',
    csv: 'papers.csv',
    manifest: 'manifest.webmanifest',
  };
}

describe.each<ServerKind>(['nginx', 'caddy'])('%s with deploy/sub-path/', (kind) => {
  let server: RunningServer;
  const pages: RecordedPage[] = [];

  beforeAll(async () => {
    server = await startServer(kind, dist, BASE);
  });

  afterAll(async () => {
    await Promise.all(pages.map((page) => page.close()));
    await server.close();
  });

  const get = (file: string, init?: RequestInit) =>
    fetch(new URL(file, server.url), { redirect: 'manual', ...init });

  test("answers a missing page with the site's own 404 page and status 404", async () => {
    const notFound = await readFile(path.join(dist, '404.html'), 'utf8');
    for (const missing of ['no-such-page/', 'papers/no-such-paper/', 'no-such-file.json']) {
      const response = await get(missing);
      expect(response.status, missing).toBe(404);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await response.text()).toBe(notFound);
    }
  });

  test('sends the same cache and security headers as the _headers file', async () => {
    for (const file of Object.values(sampleFiles())) {
      const response = await get(file);
      expect(response.status, file).toBe(200);
      for (const name of [
        'Cache-Control',
        'Content-Security-Policy',
        'X-Content-Type-Options',
        'Referrer-Policy',
      ]) {
        expect(response.headers.get(name), `${name} of ${file}`).toBe(
          headerValues(`${BASE}${file}`, name).join(', '),
        );
      }
    }
    const page = await get(sampleFiles().page.slice(0, -'index.html'.length));
    expect(page.headers.get('cache-control')).not.toBe(IMMUTABLE);
    expect((await get(sampleFiles().css)).headers.get('cache-control')).toBe(IMMUTABLE);
  });

  test('sends the right content type for every kind of file', async () => {
    const samples = sampleFiles();
    const expected: Record<string, RegExp> = {
      page: /^text\/html; charset=utf-8$/,
      css: /^text\/css; charset=utf-8$/,
      fragment: /^application\/octet-stream$/,
      meta: /^application\/octet-stream$/,
      wasm: /^application\/octet-stream$/,
      script: /^(?:text|application)\/javascript; charset=utf-8$/,
      json: /^application\/json; charset=utf-8$/,
      feed: /^(?:text|application)\/xml; charset=utf-8$/,
      bib: /^application\/x-bibtex; charset=utf-8$/,
      csv: /^text\/csv; charset=utf-8$/,
      manifest: /^application\/manifest\+json; charset=utf-8$/,
    };
    for (const [name, file] of Object.entries(samples)) {
      const type = (await get(file)).headers.get('content-type') ?? '(none)';
      expect(type, `${name}: ${file}`).toMatch(expected[name] ?? /^$/);
    }
  });

  test("compresses pages, styles and exports, and leaves Pagefind's compressed files alone", async () => {
    const samples = sampleFiles();
    const encoding = async (file: string) =>
      (await get(file, { headers: { 'Accept-Encoding': 'gzip' } })).headers.get('content-encoding');
    for (const file of [
      samples.page,
      samples.css,
      samples.json,
      samples.bib,
      samples.csv,
      samples.feed,
    ]) {
      expect(await encoding(file), file).toBe('gzip');
    }
    for (const file of [samples.fragment, samples.wasm]) {
      expect(await encoding(file), file).toBeNull();
    }
  });

  test('redirects a folder without its trailing slash to the folder, on the same host', async () => {
    const response = await get(`${BASE}about`);
    expect([301, 308]).toContain(response.status);
    expect(new URL(response.headers.get('location') ?? '', server.url).href).toBe(
      new URL('about/', server.url).href,
    );
  });

  test('search finds a paper in a real browser, with no request failing or refused', async () => {
    browser ??= await launchBrowser();
    const recorded = await newPage(browser);
    pages.push(recorded);
    const { page } = recorded;
    const failed: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    const paper = corpus.papers.find(({ data }) => /\bdropout\b/i.test(data.title));
    if (paper === undefined) throw new Error('the fixture corpus has no paper about dropout');
    await page.goto(new URL('search/?q=dropout', server.url).href);
    await expect
      .poll(
        async () => (await searchResultLinks(page).allInnerTexts()).map((text) => text.trim()),
        {
          timeout: 30_000,
        },
      )
      .toContain(paper.data.title);
    expect(failed).toEqual([]);
    // A Content-Security-Policy violation is reported as a console error.
    expect(recorded.consoleErrors).toEqual([]);
    expect(recorded.externalRequests).toEqual([]);
  });
});

describe.each<ServerKind>(['nginx', 'caddy'])('%s over HTTPS, as npm run audit serves', (kind) => {
  test('speaks HTTP/2 with the shipped configuration and sends the same headers', async () => {
    const server = await startServer(kind, dist, BASE, { tls: true });
    const session = connect(new URL(server.url).origin, { rejectUnauthorized: false });
    // A session error is an event; without a listener it would end the test process.
    const sessionErrors: Error[] = [];
    session.on('error', (error: Error) => {
      sessionErrors.push(error);
    });
    try {
      // The whole response is read, so closing the session below never cuts a stream short.
      const headers = await new Promise<IncomingHttpHeaders>((resolve, reject) => {
        const request = session.request({ ':path': `${BASE}search/` });
        let received: IncomingHttpHeaders = {};
        request.on('response', (responseHeaders) => (received = responseHeaders));
        request.on('end', () => {
          resolve(received);
        });
        request.on('error', reject);
        request.resume();
        request.end();
      });
      expect(sessionErrors).toEqual([]);
      expect(server.url.startsWith('https://')).toBe(true);
      expect(session.alpnProtocol).toBe('h2');
      expect(headers[':status']).toBe(200);
      expect(headers['content-type']).toBe('text/html; charset=utf-8');
      expect(headers['cache-control']).toBe(REVALIDATE);
    } finally {
      // The client goes first, so the server never resets a connection still in use.
      await new Promise<void>((resolve) => {
        session.close(resolve);
      });
      await server.close();
    }
  });
});
