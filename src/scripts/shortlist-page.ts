/**
 * The `/list/` page, loaded only there: shows the reader's list (or a shared one) with each
 * paper's facts, reorders and removes papers, writes the downloads with the site's own export
 * modules, and makes and opens share links. Papers come from the per-paper records the build
 * publishes at `list/<id>.json`; a stored slug whose record is gone is shown as missing.
 */
import {
  paperFromRecord,
  SHORTLIST_FORMATS,
  shortlistFile,
  type ShortlistFormat,
  type ShortlistRecord as PaperRecord,
} from '../lib/export/shortlist.ts';
import { paperId, parseShareFragment, shareFragment } from '../lib/shortlist/share.ts';

/** The reader's list as the shortlist script last reported it. */
let stored: string[] = [];

function readList(): string[] {
  return stored;
}

/** Asks the shortlist script, which owns the storage, to keep `slugs` as the list. */
function writeList(slugs: readonly string[]): void {
  document.dispatchEvent(new CustomEvent('shortlist:set', { detail: slugs }));
}

function announce(message: string): void {
  document.dispatchEvent(new CustomEvent('shortlist:announce', { detail: message }));
}

interface Entry {
  /** The slug for the reader's own list, the id for a shared one. */
  key: string;
  record: PaperRecord | undefined;
}

/** The element the page's markup always has; its absence is a broken page, said loudly. */
function part<T extends Element>(
  parent: ParentNode,
  selector: string,
  type: abstract new () => T,
): T {
  const node = parent.querySelector(selector);
  if (!(node instanceof type)) throw new Error(`the list page has no ${selector}`);
  return node;
}

const root = part(document, '#shortlist-page', HTMLElement);
const { base = '/', site = '/' } = root.dataset;
const topicNames = new Map<string, string>(
  Object.entries(JSON.parse(root.dataset.topics ?? '{}') as Record<string, string>),
);
const items = part(root, '[data-shortlist-items]', HTMLOListElement);
const summary = part(root, '[data-shortlist-summary]', HTMLElement);
const sharedBanner = part(root, '[data-shortlist-shared]', HTMLElement);
const tools = part(root, '[data-shortlist-tools]', HTMLElement);
const shareInput = part(root, '[data-shortlist-share]', HTMLInputElement);
const heading = document.querySelector('h1');

const records = new Map<string, Promise<PaperRecord | undefined>>();

/** The published record with this id, or undefined when there is none (a removed paper). */
function fetchRecord(id: string): Promise<PaperRecord | undefined> {
  let record = records.get(id);
  if (record === undefined) {
    record = fetch(`${base}list/${id}.json`)
      .then((response) => (response.ok ? (response.json() as Promise<PaperRecord>) : undefined))
      .catch(() => undefined);
    records.set(id, record);
  }
  return record;
}

/** The ids of a share link being viewed, or undefined when the page shows the reader's list. */
let shared = parseShareFragment(location.hash);
let entries: Entry[] = [];
/** Bumped by every render, so a slow fetch never overwrites a newer list. */
let generation = 0;

async function loadEntries(): Promise<Entry[]> {
  if (shared !== undefined)
    return Promise.all(shared.map(async (id) => ({ key: id, record: await fetchRecord(id) })));
  return Promise.all(
    readList().map(async (slug) => {
      const record = await fetchRecord(paperId(slug));
      // A record under the same id but another slug is another paper: this one is missing.
      return { key: slug, record: record?.slug === slug ? record : undefined };
    }),
  );
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text = '',
  className = '',
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.textContent = text;
  if (className !== '') node.className = className;
  return node;
}

function actionButton(action: string, label: string, about: string, key: string): HTMLElement {
  const button = element('button', label);
  button.type = 'button';
  button.dataset.action = action;
  button.dataset.key = key;
  // The visible text begins the name, and the title says which paper it acts on.
  button.ariaLabel = `${label}: ${about}`;
  return button;
}

function facts(record: PaperRecord): string[] {
  return [
    record.date?.slice(0, 4) ?? record.dateText ?? 'no date',
    record.authors?.join(', ') ??
      (record.authorCount === undefined
        ? ''
        : `${String(record.authorCount)} author${record.authorCount === 1 ? '' : 's'}`),
    record.venue ?? '',
    record.topics.map((id) => topicNames.get(id) ?? id).join(', '),
  ].filter((fact) => fact !== '');
}

function itemFor(entry: Entry, index: number, count: number): HTMLLIElement {
  const item = element('li');
  item.dataset.key = entry.key;
  const title = entry.record?.title ?? 'Missing paper';
  const headingNode = element('h2');
  if (entry.record) {
    const link = element('a', entry.record.title);
    link.href = `${base}papers/${entry.record.slug}/`;
    headingNode.append(link);
  } else {
    headingNode.textContent = title;
  }
  item.append(headingNode);
  if (entry.record) {
    const list = element('ul', '', 'meta');
    for (const fact of facts(entry.record)) list.append(element('li', fact));
    item.append(list);
  } else {
    item.append(
      element(
        'p',
        shared === undefined
          ? `“${entry.key}” is no longer in the reading list; it may have been removed or merged with another paper.`
          : `The paper with id ${entry.key} is no longer in the reading list.`,
        'note',
      ),
    );
  }
  if (shared === undefined) {
    const actions = element('p', '', 'shortlist-actions');
    const up = actionButton('up', 'Move up', title, entry.key);
    const down = actionButton('down', 'Move down', title, entry.key);
    (up as HTMLButtonElement).disabled = index === 0;
    (down as HTMLButtonElement).disabled = index === count - 1;
    actions.append(up, down, actionButton('remove', 'Remove', title, entry.key));
    item.append(actions);
  }
  return item;
}

/** The papers of the list shown, in its order, as the export modules take them. */
function shownPapers() {
  return entries.flatMap((entry) => (entry.record ? [paperFromRecord(entry.record)] : []));
}

/** The shown papers' citation keys on the site, by slug. */
function shownKeys(): Map<string, string> {
  return new Map(
    entries.flatMap((entry) =>
      entry.record ? [[entry.record.slug, entry.record.citationKey] as const] : [],
    ),
  );
}

function plural(count: number): string {
  return `${String(count)} ${count === 1 ? 'paper' : 'papers'}`;
}

async function render(focus?: { key: string; action: string }): Promise<void> {
  const current = ++generation;
  const loaded = await loadEntries();
  if (current !== generation) return;
  entries = loaded;
  const found = entries.filter((entry) => entry.record).length;
  const missing = entries.length - found;
  items.replaceChildren(...entries.map((entry, i) => itemFor(entry, i, entries.length)));
  sharedBanner.hidden = shared === undefined;
  const mergeButton = sharedBanner.querySelector('button');
  if (mergeButton) mergeButton.textContent = `Add ${plural(found)} to my list`;
  summary.textContent =
    entries.length === 0
      ? 'Your list is empty. It is kept in this browser, with no account and nothing sent anywhere: use “Add to my list” on any paper, topic, year or search page, or “Add path to my list” under a topic’s “Start here”.'
      : `${plural(found)}${missing > 0 ? `, and ${String(missing)} missing` : ''}${
          shared === undefined ? ', in your order' : ' in the shared list'
        }.`;
  tools.hidden = found === 0;
  const papers = shownPapers();
  shareInput.value = `${location.origin}${location.pathname}#${shareFragment(
    papers.map((paper) => paper.slug),
  )}`;
  if (focus) {
    const buttons = [...items.querySelectorAll<HTMLButtonElement>('button')];
    const target =
      buttons.find(
        (b) => b.dataset.key === focus.key && b.dataset.action === focus.action && !b.disabled,
      ) ?? buttons.find((b) => b.dataset.key === focus.key && !b.disabled);
    (target ?? heading)?.focus();
  }
}

function download(format: ShortlistFormat): void {
  const spec = SHORTLIST_FORMATS.find((item) => item.id === format);
  if (spec === undefined) return;
  const blob = new Blob([shortlistFile(format, shownPapers(), site, shownKeys())], {
    type: `${spec.mediaType};charset=utf-8`,
  });
  const link = element('a');
  link.href = URL.createObjectURL(blob);
  link.download = `my-reading-list.${spec.extension}`;
  link.click();
  setTimeout(() => {
    URL.revokeObjectURL(link.href);
  }, 1000);
}

function copy(text: string, done: string): void {
  navigator.clipboard.writeText(text).then(
    () => {
      announce(done);
    },
    () => {
      announce('Copying failed: select the text and copy it instead');
    },
  );
}

root.addEventListener('click', (event) => {
  const button = (event.target as Element).closest<HTMLButtonElement>('button[data-action]');
  if (button === null) return;
  const { action = '', key = '', format = '' } = button.dataset;
  const slugs = readList();
  const index = slugs.indexOf(key);
  if (action === 'remove' && index >= 0) {
    const next = slugs[index + 1] ?? slugs[index - 1];
    writeList(slugs.filter((slug) => slug !== key));
    announce(`Removed from your list, now ${plural(slugs.length - 1)}`);
    void render(next === undefined ? undefined : { key: next, action: 'remove' });
  } else if ((action === 'up' || action === 'down') && index >= 0) {
    const to = action === 'up' ? index - 1 : index + 1;
    if (to < 0 || to >= slugs.length) return;
    const moved = [...slugs];
    [moved[index], moved[to]] = [moved[to] ?? key, key];
    writeList(moved);
    announce(`Moved to position ${String(to + 1)} of ${String(slugs.length)}`);
    void render({ key, action });
  } else if (action === 'download') {
    download(format as ShortlistFormat);
  } else if (action === 'copy-bibtex') {
    const count = shownPapers().length;
    copy(
      shortlistFile('bib', shownPapers(), site, shownKeys()),
      `Copied ${plural(count)} as BibTeX`,
    );
  } else if (action === 'copy-link') {
    copy(shareInput.value, 'Copied the link to this list');
  } else if (action === 'merge') {
    const added = entries.flatMap((entry) => (entry.record ? [entry.record.slug] : []));
    writeList([...slugs, ...added]);
    shared = undefined;
    history.replaceState(null, '', location.pathname);
    announce(`Added the shared papers; your list now has ${plural(readList().length)}`);
    void render();
    heading?.focus();
  }
});

// The list as stored, then every change from another tab or from a control on this page. The
// page stays as it is without JavaScript, and where storage is blocked no list ever arrives.
let started = false;
document.addEventListener('shortlist:change', (event) => {
  stored = (event as CustomEvent<string[]>).detail;
  if (!started) {
    started = true;
    void render();
  } else if (shared === undefined) void render();
});
window.addEventListener('hashchange', () => {
  shared = parseShareFragment(location.hash);
  void render();
});
document.dispatchEvent(new Event('shortlist:get'));
