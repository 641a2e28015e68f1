/**
 * The `_headers` file that Netlify and Cloudflare Pages read from the published folder, written
 * from the rules in `rules.ts` and the list of files the build made.
 *
 * Both hosts apply every rule whose path matches a request, but they disagree when two matching
 * rules set the same header: Netlify keeps the last, Cloudflare joins the values with commas, and
 * Cloudflare's way of dropping an inherited header (`! Cache-Control`) is an error on Netlify. So
 * the security headers are set once for the whole site, and `Cache-Control` by rules that never
 * overlap: each file falls under exactly one of them.
 */
import { IMMUTABLE, isHashedPath, REVALIDATE, securityHeaders } from './rules.ts';

/** One block of the file: a URL pattern (`*` matches anything) and the headers it sets. */
export interface HeaderRule {
  path: string;
  headers: readonly [name: string, value: string][];
}

interface Tree {
  files: Set<string>;
  folders: Map<string, Tree>;
}

function emptyTree(): Tree {
  return { files: new Set(), folders: new Map() };
}

function treeOf(files: readonly string[]): Tree {
  const root = emptyTree();
  for (const file of files) {
    const parts = file.split('/');
    const name = parts.pop() ?? file;
    let node = root;
    for (const part of parts) {
      let next = node.folders.get(part);
      if (next === undefined) {
        next = emptyTree();
        node.folders.set(part, next);
      }
      node = next;
    }
    node.files.add(name);
  }
  return root;
}

/** Whether every file below `tree` (at `prefix`) is hashed, or none is. */
function uniform(tree: Tree, prefix: string, hashed: boolean): boolean {
  for (const name of tree.files) if (isHashedPath(`${prefix}${name}`) !== hashed) return false;
  for (const [name, folder] of tree.folders) {
    if (!uniform(folder, `${prefix}${name}/`, hashed)) return false;
  }
  return true;
}

/**
 * The fewest patterns that cover exactly the files of one kind (hashed or not): a folder whose
 * files are all of that kind becomes `folder/*`, a mixed folder is listed file by file.
 */
function patterns(tree: Tree, prefix: string, hashed: boolean): string[] {
  const found: string[] = [];
  for (const name of [...tree.files].sort()) {
    if (isHashedPath(`${prefix}${name}`) === hashed) found.push(`${prefix}${name}`);
  }
  for (const name of [...tree.folders.keys()].sort()) {
    const folder = tree.folders.get(name) ?? emptyTree();
    const path = `${prefix}${name}/`;
    if (uniform(folder, path, hashed)) found.push(`${path}*`);
    else if (!uniform(folder, path, !hashed)) found.push(...patterns(folder, path, hashed));
  }
  return found.sort();
}

/**
 * The rules for a build: the security headers on every path under `base`, a year's immutable
 * caching on the hashed files, and revalidation on everything else, the site's root included.
 * `files` are the build's files relative to its folder, with `/` between parts.
 */
export function headerRules(base: string, csp: string, files: readonly string[]): HeaderRule[] {
  const tree = treeOf(files.filter((file) => file !== '_headers'));
  const cache = (path: string, value: string): HeaderRule => ({
    path: `${base}${path}`,
    headers: [['Cache-Control', value]],
  });
  return [
    { path: `${base}*`, headers: securityHeaders(csp) },
    ...patterns(tree, '', true).map((path) => cache(path, IMMUTABLE)),
    cache('', REVALIDATE),
    ...patterns(tree, '', false).map((path) => cache(path, REVALIDATE)),
  ];
}

/** The text of a `_headers` file holding `rules`. */
export function renderHeadersFile(rules: readonly HeaderRule[]): string {
  const blocks = rules.map(
    (rule) =>
      `${rule.path}\n${rule.headers.map(([name, value]) => `  ${name}: ${value}\n`).join('')}`,
  );
  return (
    '# Response headers for Netlify and Cloudflare Pages, written by the build from\n' +
    '# src/lib/hosting/rules.ts. deploy/ holds the same rules for nginx, Caddy and Apache.\n\n' +
    blocks.join('\n')
  );
}
