/**
 * The search page in the browser: a small controller on Pagefind's own search API, with the
 * query, filters and order kept in the URL (shareable, and Back works).
 *
 * Written here rather than taken from Pagefind's prebuilt UIs: the default UI alone is 97 KB of
 * script and 14.5 KB of CSS, half of what a first search may download (bench/README.md), and the
 * filters and order live in the page's own form anyway. Pagefind still does all the searching.
 */
import { loadPagefind, type PagefindApi, type PagefindResult } from './pagefind-client.ts';
import {
  RESULTS_PER_PAGE,
  excerptSegments,
  resultFacts,
  resultsStatus,
  wantsResults,
} from './search-results.ts';
import { formatSearchState, pagefindOptions, parseSearchState } from './search-url.ts';

/** How long typing must pause before a search runs. */
const TYPING_PAUSE_MS = 150;

/** The page's parts, found by their `data-search-*` attributes. */
interface SearchElements {
  form: HTMLFormElement;
  query: HTMLInputElement;
  topic: HTMLSelectElement;
  year: HTMLSelectElement;
  code: HTMLInputElement;
  sort: HTMLSelectElement;
  status: HTMLElement;
  results: HTMLOListElement;
  more: HTMLButtonElement;
}

function findElements(root: HTMLElement): SearchElements | undefined {
  const form = root.querySelector<HTMLFormElement>('[data-search-form]');
  const status = root.querySelector<HTMLElement>('[data-search-status]');
  const results = root.querySelector<HTMLOListElement>('[data-search-results]');
  const more = root.querySelector<HTMLButtonElement>('[data-search-more]');
  if (!form || !status || !results || !more) return undefined;
  const query = form.elements.namedItem('q');
  const [topic, year, code, sort] = ['topic', 'year', 'code', 'sort'].map((name) =>
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
  return { form, query, topic, year, code, sort, status, results, more };
}

/** One result as a list item; every piece of the paper's text goes in as text. */
function resultItem(
  data: Awaited<ReturnType<PagefindResult['data']>>,
  topicNames: ReadonlyMap<string, string>,
): HTMLLIElement {
  const item = document.createElement('li');
  const heading = item.appendChild(document.createElement('h2'));
  const link = heading.appendChild(document.createElement('a'));
  link.href = data.url;
  link.textContent = data.meta.title ?? data.url;
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
  for (const segment of excerptSegments(data.excerpt)) {
    if (segment.marked)
      excerpt.appendChild(document.createElement('mark')).textContent = segment.text;
    else excerpt.append(segment.text);
  }
  return item;
}

/** Wires the search page inside `root`; `root.dataset.bundlePath` is where Pagefind's files are. */
export function startSearchPage(root: HTMLElement): void {
  const elements = findElements(root);
  if (!elements) return;
  const { form, query, topic, year, code, sort, status, results, more } = elements;
  const bundlePath = root.dataset.bundlePath ?? '/pagefind/';
  const topicNames = new Map([...topic.options].map((option) => [option.value, option.text]));

  let state = parseSearchState(location.search);
  let pagefind: Promise<PagefindApi> | undefined;
  let found: PagefindResult[] = [];
  let shown = 0;
  // Each search gets a number; answers to a search that has since been replaced are dropped.
  let latest = 0;

  const api = () => (pagefind ??= loadPagefind(bundlePath));

  const showState = () => {
    query.value = state.query;
    topic.value = state.topics[0] ?? '';
    year.value = state.years[0] ?? '';
    code.checked = state.code === true;
    sort.value = state.sort;
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

  const save = (push: boolean) => {
    const url = `${location.pathname}${formatSearchState(state)}`;
    if (url === `${location.pathname}${location.search}`) return;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  };

  const fail = (error: unknown) => {
    console.error(error);
    results.removeAttribute('aria-busy');
    status.textContent = 'Search could not be loaded. Reload the page to try again.';
  };

  const showMore = async (search: number, focusFirst: boolean) => {
    // The next results are claimed before their data loads, and the button waits meanwhile, so a
    // second click can never add the same ten twice.
    const next = found.slice(shown, shown + RESULTS_PER_PAGE);
    shown += next.length;
    more.disabled = true;
    try {
      const data = await Promise.all(next.map((result) => result.data()));
      if (search !== latest) return;
      const items = data.map((page) => resultItem(page, topicNames));
      results.append(...items);
      document.dispatchEvent(new Event('shortlist:get'));
      if (focusFirst) items[0]?.querySelector('a')?.focus();
    } finally {
      if (search === latest) {
        more.disabled = false;
        more.hidden = shown >= found.length;
      }
    }
  };

  const run = async (typing: boolean) => {
    const search = ++latest;
    // The results on show belong to the search being replaced: no more of them.
    more.hidden = true;
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
    const term = state.query === '' ? null : state.query;
    const pagefindApi = await api();
    const response = typing
      ? await pagefindApi.debouncedSearch(term, pagefindOptions(state), TYPING_PAUSE_MS)
      : await pagefindApi.search(term, pagefindOptions(state));
    if (response === null || search !== latest) return;
    found = response.results;
    shown = 0;
    results.replaceChildren();
    await showMore(search, false);
    if (search !== latest) return;
    results.removeAttribute('aria-busy');
    status.textContent = resultsStatus(found.length, state);
  };

  query.addEventListener('input', () => {
    state = readForm();
    save(false);
    run(true).catch(fail);
  });
  // Fetch the index while the reader is still typing the first word.
  query.addEventListener('focus', () => {
    api().catch(fail);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
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
  more.addEventListener('click', () => {
    showMore(latest, true).catch(fail);
  });
  window.addEventListener('popstate', () => {
    const restored = parseSearchState(location.search);
    // Back over a jump within the page (the skip link) leaves the search as it is.
    if (formatSearchState(restored) === formatSearchState(state)) return;
    state = restored;
    showState();
    run(false).catch(fail);
  });

  showState();
  run(false).catch(fail);
}
