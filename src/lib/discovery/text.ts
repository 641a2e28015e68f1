/**
 * Turning a title or an abstract into the words that related-paper matching compares: no
 * stopwords, plurals folded, and how each word joins the next, from which phrases are made.
 *
 * Pure and fast: it runs over every paper of the list on each build.
 */

/**
 * English function words and the stock phrasing of abstracts ("we propose a novel method…").
 * Weighting already discounts common words; listing these keeps them out of two-word phrases
 * and out of the reasons shown to readers.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above across after again against all almost along already also although always am
  among an and another any are around as at be because been before being below between both but
  by can cannot could did do does doing done down during each either else enough etc even ever
  every few for from further had has have having he her here hers herself him himself his how
  however i if in into is it its itself just least less let like many may me might more most
  much must my neither no nor not now of off often on once one only onto or other others our
  ours ourselves out over own per quite rather same several she should since so some such than
  that the their theirs them themselves then there thereby therefore these they this those
  though through thus to too toward towards under until up upon us very via was we well were
  what whatever when where whereas whether which while who whom whose why will with within
  without would yet you your yours yourself
  able achieve achieved achieves achieving across additionally address addresses approach
  approaches based better called conduct consider demonstrate demonstrated demonstrates
  different effective effectively existing experiment experimental experiments extensive
  finally first furthermore given including introduce introduced introduces key large leads
  leverage lead make makes method methods moreover new novel obtain obtained paper particular
  present presented presents previous prior propose proposed proposes provide provided provides
  recent recently result results second show showed shown shows significant significantly state
  study studies such techniques three two use used uses using various widely work works
  ability aim aims allow allows applied applies apply applying best cause causes commonly
  compare compared comparing consistent contrast designed develop developed developing develops
  due enable enables especially examine examines explore explored explores exploring find
  finding findings finds firstly follow following follows former formulate found fundamental
  generally good importantly improve improved improvement improvements improves improving
  investigate investigated investigates investigating known latter level multiple need needs
  order particularly perform performs realm remain remains secondly setting settings showing
  simple single solve solved specifically suggest suggests throughout type types typically
  usually way ways wide`.split(/\s+/),
);

/** The words of one text, in reading order. */
export interface TextTerms {
  /** Folded lower-case words, stopwords removed. */
  words: string[];
  /** Each word as it was written (accents removed), for showing a term the way authors do. */
  surfaces: string[];
  /**
   * How each word attaches to the word before it: `''` when it starts a phrase (after
   * punctuation, a stopword or a dropped token), else `' '` or `'-'`.
   */
  links: string[];
}

/** Singular words that end in `s` and would otherwise lose it. */
const KEEP_FINAL_S: ReadonlySet<string> = new Set([
  'alias',
  'atlas',
  'bias',
  'canvas',
  'lens',
  'news',
  'series',
  'species',
]);

/**
 * A plural folded to its singular by a few conservative rules (`entropies` → `entropy`,
 * `losses` → `loss`, `networks` → `network`), leaving `analysis`, `bias`, `corpus` alone. British
 * `-isation` is spelled `-ization` so both spellings of regularization meet. Deliberately light:
 * a heavy stemmer merges words a reader would keep apart.
 */
export function foldWord(word: string): string {
  const folded =
    word.endsWith('isation') || word.endsWith('isations')
      ? word.replace(/isation(s?)$/, 'ization$1')
      : word;
  if (folded.length <= 3 || !folded.endsWith('s') || KEEP_FINAL_S.has(folded)) return folded;
  if (folded.endsWith('ies') && folded.length > 4) return `${folded.slice(0, -3)}y`;
  if (
    folded.endsWith('sses') ||
    folded.endsWith('xes') ||
    folded.endsWith('ches') ||
    folded.endsWith('shes')
  )
    return folded.slice(0, -2);
  if (folded.endsWith('ss') || folded.endsWith('us') || folded.endsWith('is')) return folded;
  return folded.slice(0, -1);
}

/**
 * Prefixes that authors write joined, hyphenated or apart (`pretrained`, `pre-trained`); a
 * hyphenated one is joined to its word so the spellings meet and `pre` never stands alone.
 */
const JOINED_PREFIXES: ReadonlySet<string> = new Set(
  'anti auto co fine inter intra meta multi non post pre re self semi sub'.split(' '),
);

/** TeX control words such as `\ell` or `\mathcal` name notation, not content. */
const TEX_COMMAND = /\\[a-zA-Z]+/g;
/** Anything beyond printable ASCII and ordinary white space: only then are accents stripped. */
const NON_ASCII = /[^ -~\t\n\r]/;
const COMBINING_MARKS = /[\u0300-\u036f]/g;
/** Characters outside ASCII that neither end a phrase nor make a word (Greek letters, spaces). */
const QUIET_NON_ASCII = /[\p{L}\p{N}\s’]/u;
/** A word whose capitals could be title case or a sentence start only. */
const TITLE_CASED = /^[A-Z][a-z]+(?:-[A-Z]?[a-z]+)*$/;
const HYPHEN = 45;
const APOSTROPHE = 39;
const RIGHT_QUOTE = 0x2019;

function isWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
}

function hasLetter(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (!isDigit(word.charCodeAt(i))) return true;
  return false;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * Words already seen, by their written form, with their folded keys (`''` for a word that is
 * dropped). An open-addressing table over the text itself: a word is found by hashing its
 * characters in place and comparing them with `startsWith`, so a word seen before costs no
 * new string and no folding. Sharing one between calls pays off over a whole list.
 */
export interface WordCache {
  hashes: Int32Array;
  written: (string | undefined)[];
  keys: string[];
  /** Each slot's key as a number, the same for every spelling of a word; -1 when dropped. */
  keyNumbers: Int32Array;
  /** Numbers given to keys so far. */
  keyNumber: Map<string, number>;
  size: number;
}

export function newWordCache(capacity = 1 << 12): WordCache {
  return {
    hashes: new Int32Array(capacity),
    written: new Array<undefined>(capacity),
    keys: [],
    keyNumbers: new Int32Array(capacity),
    keyNumber: new Map(),
    size: 0,
  };
}

/** The slot of `text.slice(from, to)` in the cache, added (with its key) if new. */
function wordSlot(cache: WordCache, text: string, from: number, to: number): number {
  let hash = 0x811c9dc5;
  for (let i = from; i < to; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  const length = to - from;
  let slot = hash & (cache.hashes.length - 1);
  for (let held = cache.written[slot]; held !== undefined; held = cache.written[slot]) {
    if (cache.hashes[slot] === hash && held.length === length && text.startsWith(held, from))
      return slot;
    slot = (slot + 1) & (cache.hashes.length - 1);
  }
  // Kept at most half full so that probes stay short.
  if ((cache.size + 1) * 2 > cache.hashes.length) {
    const grown = newWordCache(cache.hashes.length * 2);
    cache.written.forEach((written, i) => {
      if (written === undefined) return;
      const at = emptySlot(grown, cache.hashes[i] ?? 0);
      grown.hashes[at] = cache.hashes[i] ?? 0;
      grown.written[at] = written;
      grown.keys[at] = cache.keys[i] ?? '';
      grown.keyNumbers[at] = cache.keyNumbers[i] ?? -1;
    });
    cache.hashes = grown.hashes;
    cache.written = grown.written;
    cache.keys = grown.keys;
    cache.keyNumbers = grown.keyNumbers;
    slot = emptySlot(cache, hash);
  }
  const written = text.slice(from, to);
  cache.hashes[slot] = hash;
  cache.written[slot] = written;
  const key = wordKey(written);
  let number = key === '' ? -1 : cache.keyNumber.get(key);
  if (number === undefined) cache.keyNumber.set(key, (number = cache.keyNumber.size));
  cache.keys[slot] = key;
  cache.keyNumbers[slot] = number;
  cache.size++;
  return slot;
}

/** The first free slot for a word with this hash. */
function emptySlot(cache: WordCache, hash: number): number {
  let slot = hash & (cache.hashes.length - 1);
  while (cache.written[slot] !== undefined) slot = (slot + 1) & (cache.hashes.length - 1);
  return slot;
}

/** A written word's folded key, or `''` when it is a stopword, a number or a single letter. */
function wordKey(written: string): string {
  const lower = written.toLowerCase();
  // A hyphen is left only where a prefix was joined: `pre-trained` meets `pretrained`.
  const key = foldWord(lower.replaceAll('-', ''));
  const dropped = key.length < 2 || !hasLetter(key) || STOPWORDS.has(lower) || STOPWORDS.has(key);
  return dropped ? '' : key;
}

/** The words of `text`, folded, with how each was written and how it joins the one before. */
export function textTerms(text: string): TextTerms {
  const words: string[] = [];
  const surfaces: string[] = [];
  const links: string[] = [];
  scanWords(text, (word, surface, link) => {
    words.push(word);
    surfaces.push(surface);
    links.push(link);
  });
  return { words, surfaces, links };
}

/**
 * Calls `visit` with each word of `text` in order: folded, as written, and how it joins the word
 * before (see `TextTerms.links`). Words are ASCII letters and digits (accents are stripped
 * first); hyphens join the parts of a compound, a possessive `'s` is dropped, and any other
 * punctuation ends a phrase. A scanner over character codes, building no arrays, because it
 * runs over every abstract of the list.
 */
export function scanWords(
  text: string,
  visit: (word: string, surface: string, link: string, wordNumber: number) => void,
  cache: WordCache = newWordCache(),
): void {
  let plain = text;
  if (NON_ASCII.test(plain)) plain = plain.normalize('NFKD').replace(COMBINING_MARKS, '');
  if (plain.includes('\\')) plain = plain.replace(TEX_COMMAND, ' ');

  // How the next kept word attaches to the last one: '' when a phrase starts afresh.
  let link = '';
  let sentenceStart = true;
  const add = (from: number, to: number): void => {
    const slot = wordSlot(cache, plain, from, to);
    const written = cache.written[slot] ?? '';
    const key = cache.keys[slot] ?? '';
    // A capital that only marks the start of a sentence is not how the word is spelled.
    const surface = sentenceStart ? untitled(written) : written;
    sentenceStart = false;
    // A stopword or a dropped token also ends a phrase: `decay of the weights` is no phrase.
    if (key === '') {
      link = '';
      return;
    }
    visit(key, surface, link, cache.keyNumbers[slot] ?? -1);
    link = ' ';
  };

  const end = plain.length;
  let i = 0;
  while (i < end) {
    const code = plain.charCodeAt(i);
    if (isWordChar(code)) {
      // A compound: runs of letters and digits joined by single hyphens. A hyphenated prefix
      // (`pre-`, `self-`) is joined to the part after it.
      let wordStart = -1;
      let first = true;
      for (;;) {
        const start = i;
        while (i < end && isWordChar(plain.charCodeAt(i))) i++;
        const more = plain.charCodeAt(i) === HYPHEN && isWordChar(plain.charCodeAt(i + 1));
        if (more && JOINED_PREFIXES.has(plain.slice(start, i).toLowerCase())) {
          if (wordStart < 0) wordStart = start;
        } else {
          if (!first && wordStart < 0 && link !== '') link = '-';
          add(wordStart < 0 ? start : wordStart, i);
          wordStart = -1;
          first = false;
        }
        if (!more) break;
        i++;
      }
      const next = plain.charCodeAt(i);
      if (
        (next === APOSTROPHE || next === RIGHT_QUOTE) &&
        (plain.charCodeAt(i + 1) === 115 || plain.charCodeAt(i + 1) === 83) &&
        !isWordChar(plain.charCodeAt(i + 2))
      )
        i += 2;
      continue;
    }
    const quiet =
      code === 32 ||
      code === 10 ||
      code === 13 ||
      code === 9 ||
      code === HYPHEN ||
      code === APOSTROPHE ||
      (code >= 128 && QUIET_NON_ASCII.test(plain.charAt(i)));
    if (!quiet) {
      link = '';
      // `.`, `!`, `?` and `:` end a sentence (or a title's first part).
      if (code === 46 || code === 33 || code === 63 || code === 58) sentenceStart = true;
    }
    i++;
  }
}

/**
 * A word as a title prints it, without the capitals that only title case gave it: `Sinkhorn`
 * becomes `sinkhorn` and `Fine-Tuning` `fine-tuning`, while `OT`, `GANs` and `ImageNet` stay.
 */
export function untitled(surface: string): string {
  return TITLE_CASED.test(surface) ? surface.toLowerCase() : surface;
}
