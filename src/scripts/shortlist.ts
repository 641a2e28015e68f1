/**
 * The reader's shortlist: the one script every page loads (at most 3 KB compressed, cached across
 * pages). It keeps an ordered list of paper slugs in localStorage, under a key per base path, so
 * nothing leaves the browser; shows the "Add to my list" toggles, the "Add path to my list"
 * buttons and the count in the header; and keeps them in step with other tabs through the
 * `storage` event. The `/list/` page loads its own, larger module only when it is opened.
 *
 * That module talks to this one through events on `document` rather than imports, so this file
 * stays one self-contained, cacheable script: `shortlist:change` (detail: the slugs) after every
 * change and in answer to `shortlist:get`; `shortlist:set` (detail: the slugs) stores a new list;
 * `shortlist:announce` (detail: a message) tells screen readers.
 *
 * Without JavaScript, or where storage is blocked, every control stays hidden.
 */

/** A paper's slug as file names have them; anything else in storage is ignored. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const nav = document.querySelector<HTMLAnchorElement>('[data-shortlist-nav]');
/** One list per site: the key holds the list page's path, which includes the base path. */
const key = `shortlist:${nav ? new URL(nav.href).pathname : '/'}`;
/** The stored slugs, in the reader's order, without repeats or anything malformed. */
function readList(): string[] {
  let value: unknown;
  try {
    value = JSON.parse(localStorage.getItem(key) ?? '[]');
  } catch {
    return [];
  }
  return Array.isArray(value)
    ? [
        ...new Set(
          value.filter((slug): slug is string => typeof slug === 'string' && SLUG.test(slug)),
        ),
      ]
    : [];
}

/** Stores `slugs` (repeats dropped) and updates every control on the page. */
function writeList(slugs: readonly string[]): void {
  localStorage.setItem(key, JSON.stringify([...new Set(slugs)]));
  refresh();
}

/** Announces `message` to screen readers through one polite live region. */
function announce(message: string): void {
  let region = document.getElementById('shortlist-status');
  if (region === null) {
    region = document.createElement('p');
    region.id = 'shortlist-status';
    region.className = 'visually-hidden';
    region.setAttribute('role', 'status');
    (document.getElementById('main') ?? document.body).append(region);
  }
  region.textContent = message;
}

function papers(count: number): string {
  return `${String(count)} ${count === 1 ? 'paper' : 'papers'}`;
}

function refresh(): void {
  const slugs = readList();
  const chosen = new Set(slugs);
  if (nav) {
    nav.hidden = false;
    const count = nav.querySelector('[data-shortlist-count]');
    if (count) count.textContent = String(slugs.length);
    nav.setAttribute('aria-label', `My list, ${papers(slugs.length)}`);
  }
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-shortlist]')) {
    const on = chosen.has(button.dataset.shortlist ?? '');
    button.hidden = false;
    button.toggleAttribute('data-on', on);
    button.textContent = on ? 'Remove from my list' : 'Add to my list';
    // In a list of papers the name says which paper; the visible text starts the same.
    const { shortlistTitle } = button.dataset;
    if (shortlistTitle) button.ariaLabel = `${button.textContent}: ${shortlistTitle}`;
  }
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-shortlist-add]')) {
    button.hidden = false;
    const wanted = (button.dataset.shortlistAdd ?? '').split(' ');
    // The label changes but the button stays enabled, so keyboard focus is never lost.
    button.textContent = wanted.every((slug) => chosen.has(slug))
      ? 'Path is on my list'
      : 'Add path to my list';
  }
  document.dispatchEvent(new CustomEvent('shortlist:change', { detail: slugs }));
}

function start(): void {
  try {
    // Storage can be switched off or full; then the list cannot be kept and nothing is shown.
    localStorage.setItem(`${key}:probe`, '1');
    localStorage.removeItem(`${key}:probe`);
  } catch {
    return;
  }
  document.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>(
      'button[data-shortlist], button[data-shortlist-add]',
    );
    if (button === null) return;
    const slugs = readList();
    const slug = button.dataset.shortlist;
    if (slug !== undefined) {
      const on = slugs.includes(slug);
      writeList(on ? slugs.filter((item) => item !== slug) : [...slugs, slug]);
      announce(`${on ? 'Removed from' : 'Added to'} your list, now ${papers(readList().length)}`);
    } else {
      const added = (button.dataset.shortlistAdd ?? '').split(' ').filter((item) => item !== '');
      writeList([...slugs, ...added]);
      announce(`Path added to your list, now ${papers(readList().length)}`);
    }
  });
  document.addEventListener('shortlist:get', refresh);
  document.addEventListener('shortlist:set', (event) => {
    writeList((event as CustomEvent<string[]>).detail);
  });
  document.addEventListener('shortlist:announce', (event) => {
    announce((event as CustomEvent<string>).detail);
  });
  window.addEventListener('storage', (event) => {
    if (event.key === key || event.key === null) refresh();
  });
  refresh();
}

start();
