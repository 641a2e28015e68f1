/**
 * The committed cache of every answer the sources gave, so that a re-run changes no byte and
 * `--offline` reproduces a run without a network. One JSON file, entries sorted by key, keys of
 * every object sorted, two-space indentation and a final newline: it diffs line by line in review.
 *
 * An entry keeps what was used of an answer (the parsed record, or `null` for "no such paper"),
 * not the raw body, and the day it was read, which is the date a count such as upvotes carries.
 * Failed requests are never cached: the next run asks again.
 */

export const CACHE_FILE = 'content/enrich-cache.json';

export interface CacheEntry {
  /** `YYYY-MM-DD`, the day the answer was read. */
  read: string;
  value: unknown;
}

/** The cache file is not what this module writes. */
export class CacheFileError extends Error {
  constructor(file: string, detail: string) {
    super(
      `${file}: ${detail} (restore it from git, or delete it and run npm run enrich -- --refresh to read every source again)`,
    );
    this.name = 'CacheFileError';
  }
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

export class EnrichCache {
  readonly #entries = new Map<string, CacheEntry>();

  /** Reads the file's text; an absent file is an empty cache. */
  static parse(text: string | undefined, file: string): EnrichCache {
    const cache = new EnrichCache();
    if (text === undefined) return cache;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new CacheFileError(file, `not valid JSON: ${(error as Error).message}`);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
      throw new CacheFileError(file, 'expected an object of entries');
    for (const [key, entry] of Object.entries(parsed)) {
      const read = (entry as { read?: unknown } | null)?.read;
      if (typeof read !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(read) || !('value' in entry))
        throw new CacheFileError(file, `entry ${JSON.stringify(key)} lacks "read" or "value"`);
      cache.#entries.set(key, { read, value: (entry as CacheEntry).value });
    }
    return cache;
  }

  get(key: string): CacheEntry | undefined {
    return this.#entries.get(key);
  }

  set(key: string, entry: CacheEntry): void {
    this.#entries.set(key, entry);
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The file's text: the same entries always give the same bytes. */
  text(): string {
    const entries = Object.fromEntries(
      [...this.#entries.keys()].sort().map((key) => [key, this.#entries.get(key)]),
    );
    return `${JSON.stringify(sortKeys(entries), null, 2)}\n`;
  }
}
