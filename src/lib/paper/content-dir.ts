/**
 * Which content folder a build reads, and where Astro caches what it parsed from it. Astro keeps
 * every entry of its content store with the file it came from and warns of a duplicate id when
 * an id comes from another file that still exists. With one cache for every content folder,
 * building from a copy of `content/` (or from any folder whose papers share slugs with the last
 * one built) warned of a duplicate for every paper, although none was. Each content folder other
 * than the default one therefore gets a cache of its own; a real duplicate in one folder is still
 * reported.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';

/** The default content folder, relative to the project root. */
export const DEFAULT_CONTENT_DIR = 'content';

/** Astro's default cache folder, relative to the project root. */
const DEFAULT_CACHE_DIR = './node_modules/.astro';

/** The folder holding `papers/` and `topics.yaml`: CONTENT_DIR, else `content`. */
export function contentDirOf(env: Readonly<Record<string, string | undefined>>): string {
  const dir = env.CONTENT_DIR?.trim();
  return dir === undefined || dir === '' ? DEFAULT_CONTENT_DIR : dir;
}

/**
 * Astro's cache folder for a build from `contentDir` (relative paths are taken from `root`): the
 * default one for the default folder, else one named after a hash of the folder's absolute path,
 * so the same folder always finds its own cache again.
 */
export function cacheDirFor(contentDir: string, root: string): string {
  const absolute = path.resolve(root, contentDir);
  if (absolute === path.resolve(root, DEFAULT_CONTENT_DIR)) return DEFAULT_CACHE_DIR;
  const hash = createHash('sha256').update(absolute).digest('hex').slice(0, 16);
  return `${DEFAULT_CACHE_DIR}/content-${hash}`;
}
