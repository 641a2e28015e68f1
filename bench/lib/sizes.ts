/**
 * What a built site weighs: the whole `dist/`, a typical paper page, and what that page makes the
 * browser load. Pure functions over file lists and HTML, plus one folder walk.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface SiteFile {
  /** Path below `dist/`, with `/` separators. */
  path: string;
  bytes: number;
}

/** Every file below `dir`, with its size, sorted by path. */
export async function listFiles(dir: string): Promise<SiteFile[]> {
  const files: SiteFile[] = [];
  const walk = async (relative: string): Promise<void> => {
    const entries = await readdir(path.join(dir, relative), { withFileTypes: true });
    for (const entry of entries) {
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) await walk(child);
      else if (entry.isFile()) {
        files.push({ path: child, bytes: (await stat(path.join(dir, child))).size });
      }
    }
  };
  await walk('');
  return files.sort((a, b) => (a.path < b.path ? -1 : 1));
}

export interface DistSummary {
  totalBytes: number;
  fileCount: number;
  /** Bytes and file count of the Pagefind bundle, which grows with the corpus. */
  pagefindBytes: number;
  pagefindFiles: number;
  htmlBytes: number;
  htmlFiles: number;
}

export function summarizeDist(files: readonly SiteFile[]): DistSummary {
  const sum = (list: readonly SiteFile[]): number => list.reduce((total, f) => total + f.bytes, 0);
  const pagefind = files.filter((file) => file.path.startsWith('pagefind/'));
  const html = files.filter((file) => file.path.endsWith('.html'));
  return {
    totalBytes: sum(files),
    fileCount: files.length,
    pagefindBytes: sum(pagefind),
    pagefindFiles: pagefind.length,
    htmlBytes: sum(html),
    htmlFiles: html.length,
  };
}

/** The paper page of median size (the lower middle one for an even count). */
export function medianPaperPage(files: readonly SiteFile[]): SiteFile | undefined {
  const pages = files
    .filter((file) => /^papers\/[^/]+\/index\.html$/.test(file.path))
    .sort((a, b) => a.bytes - b.bytes || (a.path < b.path ? -1 : 1));
  return pages[Math.floor((pages.length - 1) / 2)];
}

/** The largest HTML page, whatever it is: at scale, list pages outgrow paper pages. */
export function largestPage(files: readonly SiteFile[]): SiteFile | undefined {
  return files
    .filter((file) => file.path.endsWith('.html'))
    .reduce<SiteFile | undefined>(
      (largest, file) => (largest === undefined || file.bytes > largest.bytes ? file : largest),
      undefined,
    );
}

export interface PageAssets {
  /** `href`s of `<link rel="stylesheet">`. */
  stylesheets: string[];
  /** `src`s of `<script src>` and `href`s of `<link rel="modulepreload">`. */
  scripts: string[];
  /** Bytes of code in inline `<script>` elements (JSON-LD and other data blocks are not code). */
  inlineScriptBytes: number;
  /** Bytes of inline `<style>` elements, which Astro uses for small stylesheets. */
  inlineStyleBytes: number;
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

const DATA_SCRIPT_TYPES =
  /^(?:application\/(?:ld\+)?json|text\/plain|importmap|speculationrules)$/i;

/** The CSS and JavaScript a page makes the browser load, from its HTML. */
export function pageAssets(html: string): PageAssets {
  const stylesheets: string[] = [];
  const scripts: string[] = [];
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attribute(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
    const href = attribute(tag, 'href');
    if (href === undefined) continue;
    if (rel.includes('stylesheet')) stylesheets.push(href);
    if (rel.includes('modulepreload')) scripts.push(href);
  }
  let inlineScriptBytes = 0;
  for (const [, attributes = '', body = ''] of html.matchAll(
    /<script\b([^>]*)>([\s\S]*?)<\/script>/gi,
  )) {
    const src = attribute(attributes, 'src');
    const type = attribute(attributes, 'type') ?? '';
    if (src !== undefined) scripts.push(src);
    else if (!DATA_SCRIPT_TYPES.test(type)) inlineScriptBytes += Buffer.byteLength(body);
  }
  let inlineStyleBytes = 0;
  for (const [, body = ''] of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) {
    inlineStyleBytes += Buffer.byteLength(body);
  }
  return { stylesheets, scripts, inlineScriptBytes, inlineStyleBytes };
}

/** The `dist/` path of a same-site URL in a page built for `base`; undefined for other sites. */
export function distPath(url: string, base = '/'): string | undefined {
  if (/^[a-z]+:/i.test(url) || url.startsWith('//')) return undefined;
  const clean = url.replace(/[?#].*$/, '');
  if (!clean.startsWith(base)) return undefined;
  const relative = decodeURIComponent(clean.slice(base.length));
  return relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
}

/** Size of each asset as a file list gives it; an asset missing from the list counts 0. */
export function assetBytes(
  urls: readonly string[],
  files: readonly SiteFile[],
  base = '/',
): number {
  const sizes = new Map(files.map((file) => [file.path, file.bytes]));
  return urls.reduce((total, url) => total + (sizes.get(distPath(url, base) ?? '') ?? 0), 0);
}

/** Bytes after gzip, as most static hosts send text: the figure a reader's network sees. */
export function gzippedBytes(content: Uint8Array | string): number {
  return gzipSync(content, { level: 6 }).length;
}
