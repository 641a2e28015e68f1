import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import config from '../../astro.config.mjs';
import { headerRules, renderHeadersFile } from '../../src/lib/hosting/headers-file.ts';
import { cspDirectives, headerCsp, isHashedPath } from '../../src/lib/hosting/rules.ts';
import {
  caddyConfig,
  deployFiles,
  nginxConfig,
  apacheConfig,
} from '../../src/lib/hosting/servers.ts';

const DEPLOY = fileURLToPath(new URL('../../deploy/', import.meta.url));
const CSP = "img-src 'self'; frame-ancestors 'none'";

describe('headerCsp', () => {
  test('keeps the directives a header can hold and adds frame-ancestors', () => {
    const directives = [
      "default-src 'self'",
      "img-src 'self' data:",
      "script-src 'self' 'wasm-unsafe-eval'",
      "style-src-attr 'unsafe-inline'",
      "object-src  'none'",
      "frame-ancestors 'self'",
    ];
    expect(headerCsp(directives)).toBe(
      "img-src 'self' data:; object-src 'none'; frame-ancestors 'none'",
    );
  });

  test('is frame-ancestors alone when the site has no CSP', () => {
    expect(headerCsp(cspDirectives(false))).toBe("frame-ancestors 'none'");
    expect(headerCsp(cspDirectives(undefined))).toBe("frame-ancestors 'none'");
  });
});

describe('isHashedPath', () => {
  test.each([
    ['_astro/Base.CNxCj2MV.css', true],
    ['pagefind/fragment/en_05ad8ec.pf_fragment', true],
    ['pagefind/index/en_1a2b3c4.pf_index', true],
    ['pagefind/filter/en_6139e41.pf_filter', true],
    ['pagefind/pagefind.en_37e51f9ec0.pf_meta', true],
    ['pagefind/pagefind.js', false],
    ['pagefind/wasm.en.pagefind', false],
    ['pagefind/pagefind-entry.json', false],
    ['index.html', false],
    ['papers.json', false],
    ['papers/_astro/index.html', false],
  ])('%s: %s', (file, hashed) => {
    expect(isHashedPath(file)).toBe(hashed);
  });
});

describe('headerRules', () => {
  const files = [
    '404.html',
    '_astro/Base.CNxCj2MV.css',
    '_astro/search.CZsc0AK2.js',
    'feed.xml',
    'index.html',
    'pagefind/filter/en_6139e41.pf_filter',
    'pagefind/fragment/en_05ad8ec.pf_fragment',
    'pagefind/pagefind-entry.json',
    'pagefind/pagefind.en_37e51f9ec0.pf_meta',
    'pagefind/pagefind.js',
    'pagefind/wasm.en.pagefind',
    'papers/a/index.html',
    'papers/b/index.html',
  ];

  test('sets the security headers once, and one cache rule per folder or file', () => {
    expect(renderHeadersFile(headerRules('/list/', CSP, files)))
      .toBe(`# Response headers for Netlify and Cloudflare Pages, written by the build from
# src/lib/hosting/rules.ts. deploy/ holds the same rules for nginx, Caddy and Apache.

/list/*
  Content-Security-Policy: img-src 'self'; frame-ancestors 'none'
  X-Content-Type-Options: nosniff
  Referrer-Policy: strict-origin-when-cross-origin

/list/_astro/*
  Cache-Control: public, max-age=31536000, immutable

/list/pagefind/filter/*
  Cache-Control: public, max-age=31536000, immutable

/list/pagefind/fragment/*
  Cache-Control: public, max-age=31536000, immutable

/list/pagefind/pagefind.en_37e51f9ec0.pf_meta
  Cache-Control: public, max-age=31536000, immutable

/list/
  Cache-Control: public, max-age=0, must-revalidate

/list/404.html
  Cache-Control: public, max-age=0, must-revalidate

/list/feed.xml
  Cache-Control: public, max-age=0, must-revalidate

/list/index.html
  Cache-Control: public, max-age=0, must-revalidate

/list/pagefind/pagefind-entry.json
  Cache-Control: public, max-age=0, must-revalidate

/list/pagefind/pagefind.js
  Cache-Control: public, max-age=0, must-revalidate

/list/pagefind/wasm.en.pagefind
  Cache-Control: public, max-age=0, must-revalidate

/list/papers/*
  Cache-Control: public, max-age=0, must-revalidate
`);
  });
});

describe('server configurations', () => {
  test.each([
    ['nginx', nginxConfig, 'error_page 404 /reading-list/404.html;'],
    ['Caddy', caddyConfig, 'rewrite * /reading-list/404.html'],
    ['Apache', apacheConfig, 'ErrorDocument 404 /reading-list/404.html'],
  ])('%s serves the 404 page from under the sub-path', (_name, render, line) => {
    expect(render({ base: '/reading-list/', csp: CSP })).toContain(line);
    expect(render({ base: '/', csp: CSP })).toContain(line.replace('/reading-list/', '/'));
  });

  test('deploy/ holds exactly what npm run deploy-config writes from the rules and the site CSP', async () => {
    const csp = headerCsp(cspDirectives(config.security?.csp));
    const expected = deployFiles(csp);
    const shipped = (await readdir(DEPLOY, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile() && entry.name !== 'README.md')
      .map((entry) => path.relative(DEPLOY, path.join(entry.parentPath, entry.name)))
      .sort();
    expect(shipped).toEqual(expected.map(([file]) => file).sort());
    for (const [file, text] of expected) {
      expect(
        await readFile(path.join(DEPLOY, file), 'utf8'),
        `deploy/${file} is out of date: run npm run deploy-config`,
      ).toBe(text);
    }
  });
});
