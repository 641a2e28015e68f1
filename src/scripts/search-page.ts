/**
 * The search page in the browser: a small controller on Pagefind's own search API (through
 * search-engine.ts), with the query, filters and order kept in the URL (shareable, and Back
 * works) and the number of results loaded and the scroll position kept in the history entry (so
 * Back from a paper returns to the same place).
 *
 * Written here rather than taken from Pagefind's prebuilt UIs: the default UI alone is 97 KB of
 * script and 14.5 KB of CSS, half of what a first search may download (bench/README.md), and the
 * filters and order live in the page's own form anyway. Pagefind still does all the searching.
 */
import {
  loadPagefind,
  type PagefindApi,
  type PagefindResult,
} from '../lib/site/pagefind-client.ts';
import { FILTER, META } from '../lib/site/pagefind-names.ts';
import { runSearch, type SearchOutcome } from '../lib/site/search-engine.ts';
import { vocabularyIndex, type Vocabulary } from '../lib/site/search-query.ts';
import {
  RESULTS_PER_PAGE,
  resultFacts,
  resultsStatus,
  searchExcerpt,
  wantsResults,
  type StatusPart,
} from '../lib/site/search-results.ts';
import { formatSearchState, pagefindOptions, parseSearchState } from '../lib/site/search-url.ts';

/** How long typing must pause before a search runs. */
const TYPING_PAUSE_MS = 150;
/** How many results a phone's screen shows at once, about: they are shown first. */
const FIRST_BATCH = 3;

/** What the history entry of a search remembers, for Back. */
interface PlaceState {
  shown: number;
  scrollY: number;
}

function isPlace(value: unknown): value is PlaceState {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as PlaceState).shown === 'number' &&
    typeof (value as PlaceState).scrollY === 'number'
  );
}

/** The page's parts, found by their `data-search-*` attributes. */
interface SearchElements {
  form: HTMLFormElement;
  query: HTMLInputElement;
  topic: HTMLSelectElement;
  year: HTMLSelectElement;
  code: HTMLInputElement;
  sort: HTMLSelectElement;
  clear: HTMLButtonElement;
  status: HTMLElement;
  results: HTMLOListElement;
  more: HTMLButtonElement;
}

function findElements(root: HTMLElement): SearchElements | undefined {
  const form = root.querySelector<HTMLFormElement>('[data-search-form]');
  const status = root.querySelector<HTMLElement>('[data-search-status]');
  const results = root.querySelector<HTMLOListElement>('[data-search-results]');
  const more = root.querySelector<HTMLButtonElement>('[data-search-more]');
  const clear = root.querySelector<HTMLButtonElement>('[data-search-clear]');
  if (!form || !status || !results || !more || !clear) return undefined;
  const query = form.elements.namedItem('q');
  const [topic, year, code, sort] = [FILTER.topic, FILTER.year, FILTER.code, 'sort'].map((name) =>
    form.elements.namedItem(name),
  );
  if (
    !(query instanceof HTMLInputElement) ||
    !(topic instanceof HTMLSelectElement) ||
    !(year instanceof HTMLSelectElement) ||
    !(code instanceof HTMLInputElement) ||
    !(sort instanceof HTMLSelectElement)
  ) {
    return undefined;
  }
  return { form, query, topic, year, code, sort, clear, status, results, more };
}

/** One result as a list item; every piece of the paper's text goes in as text. */
function resultItem(
  data: Awaited<ReturnType<PagefindResult['data']>>,
  topicNames: ReadonlyMap<string, string>,
  highlight: readonly string[],
): HTMLLIElement {
  const item = document.createElement('li');
  const heading = item.appendChild(document.createElement('h2'));
  const link = heading.appendChild(document.createElement('a'));
  link.href = data.url;
  const title = data.meta[META.title] ?? data.url;
  link.textContent = title;
  const facts = resultFacts(data.filters, topicNames, data.meta);
  if (facts.length > 0) {
    const list = item.appendChild(document.createElement('ul'));
    list.className = 'meta';
    list.setAttribute('aria-label', 'Details');
    for (const fact of facts) list.appendChild(document.createElement('li')).textContent = fact;
  }
  // The reader's-list toggle, as on every list of papers: the shortlist script shows it.
  const slug = /\/papers\/([^/]+)\/$/.exec(new URL(data.url, location.href).pathname)?.[1];
  if (slug !== undefined) {
    const toggle = item.appendChild(document.createElement('button'));
    Object.assign(toggle, { type: 'button', className: 'shortlist-toggle', hidden: true });
    Object.assign(toggle.dataset, { shortlist: slug, shortlistTitle: link.textContent });
  }
  const excerpt = item.appendChild(document.createElement('p'));
  const authors = data.meta[META.authors];
  const byline = authors === undefined ? '' : `By ${authors}`;
  for (const segment of searchExcerpt(data.content, title, highlight, byline)) {
    if (segment.marked)
      excerpt.appendChild(document.createElement('mark')).textContent = segment.text;
    else excerpt.append(segment.text);
  }
  return item;
}

/** The vocabulary the page carries in `data-vocabulary` (JSON), or none when it is unreadable. */
function readVocabulary(root: HTMLElement): Vocabulary {
  try {
    const parsed: unknown = JSON.parse(root.dataset.vocabulary ?? '[]');
    return Array.isArray(parsed) ? (parsed as Vocabulary) : [];
  } catch {
    return [];
  }
}

/** The number of papers the page says the index holds (`data-paper-count`), if it says one. */
function readPaperCount(root: HTMLElement): number | undefined {
  const count = Number(root.dataset.paperCount);
  return Number.isInteger(count) && count > 0 ? count : undefined;
}

/**
 * Wires the search page inside `root`: `data-bundle-path` is where Pagefind's files are,
 * `data-words-path` the index's word list, `data-vocabulary` the search vocabulary,
 * `data-paper-count` how many papers the index holds.
 */
export function startSearchPage(root: HTMLElement): void {
  const elements = findElements(root);
  if (!elements) return;
  const { form, query, topic, year, code, sort, clear, status, results, more } = elements;
  const bundlePath = root.dataset.bundlePath ?? '/pagefind/';
  const wordsPath = root.dataset.wordsPath ?? '/search/words.txt';
  const topicNames = new Map([...topic.options].map((option) => [option.value, option.text]));
  const vocabulary = vocabularyIndex(readVocabulary(root));
  const paperCount = readPaperCount(root);
  // The page restores its own scroll position once results are back (see restorePlace).
  history.scrollRestoration = 'manual';

  let state = parseSearchState(location.search);
  let pagefind: Promise<PagefindApi> | undefined;
  let words: Promise<readonly string[]> | undefined;
  let outcome: SearchOutcome | undefined;
  let found: PagefindResult[] = [];
  let shown = 0;
  // Each search gets a number; answers to a search that has since been replaced are dropped.
  let latest = 0;
  let typingTimer: ReturnType<typeof setTimeout> | undefined;

  const api = () => (pagefind ??= loadPagefind(bundlePath));
  const loadWords = () =>
    (words ??= fetch(wordsPath)
      .then((response) => (response.ok ? response.text() : ''))
      .then((text) => text.split('\n').filter((word) => word !== '')));

  const showState = () => {
    query.value = state.query;
    topic.value = state.topics[0] ?? '';
    year.value = state.years[0] ?? '';
    code.checked = state.code === true;
    sort.value = state.sort;
    clear.hidden = state.topics.length + state.years.length === 0 && state.code !== true;
  };

  // The form's fields are named as the URL's parameters (it is a GET form), so the URL's parser
  // reads it too.
  const readForm = () => {
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (typeof value === 'string') params.append(name, value);
    }
    return parseSearchState(`?${params.toString()}`);
  };

  const rememberPlace = () => {
    const place: PlaceState = { shown, scrollY: Math.round(window.scrollY) };
    history.replaceState(place, '');
  };

  const save = (push: boolean) => {
    const url = `${location.pathname}${formatSearchState(state)}`;
    if (url === `${location.pathname}${location.search}`) return;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  };

  const showStatus = (parts: readonly StatusPart[]) => {
    status.replaceChildren(
      ...parts.map((part) => {
        if (!('searchAsTyped' in part)) return document.createTextNode(part.text);
        const link = document.createElement('a');
        link.href = `${location.pathname}${formatSearchState({ ...state, asTyped: true })}`;
        link.textContent = part.text;
        link.addEventListener('click', (event) => {
          event.preventDefault();
          state = { ...state, asTyped: true };
          save(true);
          run(false).catch(fail);
        });
        return link;
      }),
    );
  };

  const fail = (error: unknown) => {
    console.error(error);
    results.removeAttribute('aria-busy');
    status.textContent = import.meta.env.DEV
      ? 'Search works on the built site only: run `npm run build`, then `npm run preview`.'
      : 'Search could not be loaded. Reload the page to try again.';
  };

  const showMore = async (search: number, count: number, focusFirst: boolean) => {
    // The next results are claimed before their data loads, and the button waits meanwhile, so a
    // second click can never add the same ten twice.
    const next = found.slice(shown, shown + count);
    shown += next.length;
    more.disabled = true;
    try {
      // The results a phone's screen holds are shown as soon as their text arrives; the rest
      // follow below them. Fewer bytes and a shorter task before the reader sees the first result.
      for (const [index, batch] of [
        next.slice(0, FIRST_BATCH),
        next.slice(FIRST_BATCH),
      ].entries()) {
        if (batch.length === 0) continue;
        const data = await Promise.all(batch.map((result) => result.data()));
        if (search !== latest) return;
        const items = data.map((page) => resultItem(page, topicNames, outcome?.highlight ?? []));
        results.append(...items);
        document.dispatchEvent(new Event('shortlist:get'));
        if (focusFirst && index === 0) items[0]?.querySelector('a')?.focus();
      }
    } finally {
      if (search === latest) {
        more.disabled = false;
        more.hidden = shown >= found.length;
      }
    }
  };

  const run = async (typing: boolean, place?: PlaceState) => {
    const search = ++latest;
    // The results on show belong to the search being replaced: no more of them.
    more.hidden = true;
    clear.hidden = state.topics.length + state.years.length === 0 && state.code !== true;
    if (!wantsResults(state)) {
      found = [];
      results.replaceChildren();
      results.removeAttribute('aria-busy');
      status.textContent = '';
      return;
    }
    results.setAttribute('aria-busy', 'true');
    // Said once, while the first search loads the index; later searches just replace the count.
    if (status.textContent === '') status.textContent = 'Searching…';
    const pagefindApi = await api();
    const options = pagefindOptions(state);
    const searched = await runSearch(
      pagefindApi,
      {
        query: state.query,
        filters: options.filters,
        sort: options.sort,
        typing,
        asTyped: state.asTyped,
      },
      { vocabulary, paperCount, words: loadWords },
    );
    if (search !== latest) return;
    outcome = searched;
    found = searched.results;
    shown = 0;
    results.replaceChildren();
    await showMore(search, Math.max(RESULTS_PER_PAGE, place?.shown ?? 0), false);
    if (search !== latest) return;
    results.removeAttribute('aria-busy');
    showStatus(
      resultsStatus(
        {
          count: found.length,
          mode: searched.mode,
          complete: searched.complete,
          unmatched: searched.unmatched,
          corrections: searched.corrections,
        },
        state,
      ),
    );
    if (place) window.scrollTo(0, place.scrollY);
    // In a task of its own: reading the scroll position lays out the new results at once, which
    // would lengthen the task that shows them (a long task on a phone).
    setTimeout(rememberPlace, 0);
  };

  query.addEventListener('input', () => {
    state = readForm();
    save(false);
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => {
      run(true).catch(fail);
    }, TYPING_PAUSE_MS);
  });
  // Fetch the index while the reader is still typing the first word.
  query.addEventListener('focus', () => {
    api().catch(fail);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typingTimer);
    state = readForm();
    save(false);
    run(false).catch(fail);
  });
  for (const select of [topic, year, code, sort]) {
    select.addEventListener('change', () => {
      state = readForm();
      save(true);
      run(false).catch(fail);
    });
  }
  clear.addEventListener('click', () => {
    state = { query: state.query, topics: [], years: [], sort: state.sort, asTyped: state.asTyped };
    showState();
    save(true);
    run(false).catch(fail);
    query.focus();
  });
  more.addEventListener('click', () => {
    showMore(latest, RESULTS_PER_PAGE, true).then(rememberPlace).catch(fail);
  });
  // The place is remembered as the reader scrolls, so Back from a result returns to it.
  let scrollTimer: ReturnType<typeof setTimeout> | undefined;
  window.addEventListener('scroll', () => {
    clearTimeout(scrollTimer);
    scrollTimer = setTimeout(rememberPlace, 100);
  });
  window.addEventListener('pagehide', rememberPlace);
  // `/` focuses the search box, as on most sites with search, unless the reader is typing.
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement | null;
    const typingInField =
      target !== null &&
      (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName));
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || typingInField)
      return;
    event.preventDefault();
    query.focus();
    query.select();
  });
  window.addEventListener('popstate', (event) => {
    const restored = parseSearchState(location.search);
    // Back over a jump within the page (the skip link) leaves the search as it is.
    if (formatSearchState(restored) === formatSearchState(state)) return;
    state = restored;
    showState();
    run(false, isPlace(event.state) ? event.state : undefined).catch(fail);
  });

  showState();
  const place: unknown = history.state;
  run(false, isPlace(place) ? place : undefined).catch(fail);
}
