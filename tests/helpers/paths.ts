import { fileURLToPath } from 'node:url';

/** The repository root, whatever folder the tests are started from. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The vendored real listing dumps. */
export const sourcesDir = fileURLToPath(new URL('../../content/sources/', import.meta.url));

/** The committed paper files generated from the real listings. */
export const papersDir = fileURLToPath(new URL('../../content/papers/', import.meta.url));

/** The golden listing fixtures, one folder per case. */
export const listingFixturesDir = fileURLToPath(new URL('../fixtures/listings/', import.meta.url));
