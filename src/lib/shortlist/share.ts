/**
 * Short, stable ids for papers, and the share link's list of them.
 *
 * A share link must fit in a chat message with 50 papers and keep working after any rebuild, so
 * it holds neither slugs (up to 80 characters each) nor positions in the list (which change as
 * papers are added). Each paper's id is a 53-bit hash of its slug, which never changes, written
 * as 7 base-36 characters: 50 papers make 350 characters. The build publishes each paper's record
 * under its id and fails if two slugs ever share one.
 */

/** Characters in an id. */
export const ID_LENGTH = 7;

/** The number of distinct ids, 36^7, below 2^53 so the arithmetic stays exact. */
const ID_SPACE = 36 ** ID_LENGTH;

/**
 * The paper's id: cyrb53, a public-domain 53-bit string hash with good mixing (two 32-bit
 * multiply-xor lanes), reduced to 7 base-36 characters. Written out because no small library
 * offers a stable, synchronous hash for the browser and the build alike.
 */
export function paperId(slug: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < slug.length; i++) {
    const code = slug.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hash = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return (hash % ID_SPACE).toString(36).padStart(ID_LENGTH, '0');
}

/** The share link's fragment for `slugs`, in order: `p=` and the ids run together. */
export function shareFragment(slugs: readonly string[]): string {
  return `p=${slugs.map(paperId).join('')}`;
}

/**
 * The ids a fragment holds, in order and without repeats; undefined when the fragment is not a
 * share link (so the page shows the reader's own list).
 */
export function parseShareFragment(fragment: string): string[] | undefined {
  const match = /^#?p=((?:[0-9a-z]{7})*)$/.exec(fragment);
  if (!match?.[1]) return undefined;
  const ids = match[1].match(/.{7}/g) ?? [];
  return [...new Set(ids)];
}

/** Slugs that share an id, which would make share links ambiguous; empty when none do. */
export function idCollisions(slugs: readonly string[]): string[][] {
  const byId = new Map<string, string[]>();
  for (const slug of slugs) {
    const id = paperId(slug);
    byId.set(id, [...(byId.get(id) ?? []), slug]);
  }
  return [...byId.values()].filter((group) => group.length > 1);
}
