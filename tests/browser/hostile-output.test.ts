/**
 * The site built from papers that hold every hostile string of tests/robustness/arbitraries.ts in
 * every field (title, authors, venue, notes, abstract, math), plus papers aimed at math, bidi and
 * meta descriptions. Every file it writes must stay valid for its format: each page passes
 * html-validate, the feeds and sitemaps parse as strict XML and their items render as text, the
 * CSVs parse and start no field like a formula, the BibTeX and JSON parse, and no file carries a
 * character no format allows. In a real browser, math stays inside the abstract's box and a
 * right-to-left override in one author's name leaves the names after it alone.
 */
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { HtmlValidate, StaticConfigLoader, type ConfigData } from 'html-validate';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializePaper } from '../../src/lib/paper/paper-file.ts';
import { hasUnsafeText } from '../../src/lib/paper/safe-text.ts';
import { paperSchema } from '../../src/lib/paper/schema.ts';
import { xmlProblems } from '../helpers/xml.ts';
import { HOSTILE_STRINGS } from '../robustness/arbitraries.ts';
import {
  buildOutput,
  buildSite,
  removeBuilds,
  REPO_ROOT,
  serveStatic,
  type StaticServer,
} from '../../harness/build-and-serve.ts';
import { launchBrowser } from '../../harness/chromium.ts';
import { newPage } from './pages.ts';

/** Math that would paint over the page or move text over the header if KaTeX drew it. */
const MATH_ATTACK = {
  slug: 'math-that-paints-over-the-page',
  abstract:
    'We regularize with $\\rule{1000em}{1000em}$ and a raised $\\raisebox{20em}{RaisedText}$ and a ' +
    'lowered $\\raisebox{-20em}{LoweredText}$, moved $\\kern{-1000em}KernedText$ and lapped ' +
    '$\\rlap{LappedTextLappedTextLappedTextLappedTextLappedText}$ text, beside honest math: the ' +
    'loss $\\mathcal{L}(\\theta) = \\frac{1}{n}\\sum_{i=1}^{n} \\ell_i + \\lambda \\|\\theta\\|_2^2$ ' +
    'and a long formula $' +
    'x_1 + x_2 + x_3 + x_4 + x_5 + x_6 + x_7 + x_8 + x_9 + '.repeat(12) +
    'y$ that must scroll inside the abstract.',
};

/** Three authors, the first with a right-to-left override that is never closed. */
const BIDI = {
  slug: 'right-to-left-override-in-an-author-name',
  authors: ['\u202EAlice Smith', 'Bob Jones', 'Carol White'],
};

/**
 * An abstract whose 150th UTF-16 unit falls inside an emoji: cutting there leaves half a
 * character in the meta description.
 */
const EMOJI = {
  slug: 'emoji-across-the-description-limit',
  title: 'Emoji',
  abstract: `x${'🙂'.repeat(60)} ${'👩🏽‍🔬'.repeat(30)} regularization.`,
};

interface HostilePaper {
  slug: string;
  title: string;
  authors: string[];
  abstract: string;
  venue?: string;
  notes?: string;
}

/** One paper per hostile string, the string in every text field and in math. */
function hostilePapers(): HostilePaper[] {
  return HOSTILE_STRINGS.map((text, index) => ({
    slug: `hostile-${String(index).padStart(3, '0')}`,
    title: `Paper ${String(index)}: ${text} in a title`,
    authors: [`${text} Ada`, 'Bob Jones'],
    venue: `${text} venue`,
    notes: `${text} note`,
    abstract: `${text} opens this abstract about regularization; $${text}$ is math, and ${text} ends it.`,
  }));
}

const PAPERS: HostilePaper[] = [
  ...hostilePapers(),
  { ...MATH_ATTACK, title: 'Math That Paints', authors: ['Ada'] },
  {
    slug: BIDI.slug,
    title: 'A Right-to-Left Override in an Author Name',
    authors: BIDI.authors,
    abstract: 'The names after the first one must read left to right, in their order.',
  },
  { ...EMOJI, authors: ['Ada'] },
];

let contentDir: string;
let site: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  contentDir = await mkdtemp(path.join(os.tmpdir(), 'reading-list-hostile-output-'));
  const papersDir = path.join(contentDir, 'papers');
  await mkdir(papersDir);
  for (const [index, paper] of PAPERS.entries()) {
    const data = paperSchema.parse({
      title: paper.title,
      authors: paper.authors,
      authorCount: paper.authors.length,
      ...(paper.venue === undefined ? {} : { venue: paper.venue }),
      ...(paper.notes === undefined ? {} : { notes: paper.notes }),
      date: '2024-06-11',
      topics: index % 2 === 0 ? ['robustness', 'weight-penalties'] : ['weight-penalties'],
      sources: ['2026-11-22-hf-papers-blocks.txt'],
      added: `2026-11-${String(1 + (index % 28)).padStart(2, '0')}`,
    });
    await writeFile(path.join(papersDir, `${paper.slug}.md`), serializePaper(data, paper.abstract));
  }
  await writeFile(
    path.join(contentDir, 'topics.yaml'),
    await readFile(path.join(REPO_ROOT, 'content', 'topics.yaml'), 'utf8'),
  );
  site = await buildSite({ contentDir, base: '/' });
  server = await serveStatic(site, '/');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
  await server.close();
  await removeBuilds();
  await rm(contentDir, { recursive: true, force: true });
});

/** Every file of the built site with the given ending, relative to it. */
async function filesEnding(ending: string): Promise<string[]> {
  const entries = await readdir(site, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(ending))
    .map((entry) => path.relative(site, path.join(entry.parentPath, entry.name)))
    .filter((file) => !file.startsWith('pagefind'))
    .sort();
}

/**
 * The first character `safeText` would drop, with what precedes it, or undefined. The one pair of
 * isolates the site writes itself, around a right-to-left title in `<title>`, is allowed.
 */
function unsafeCharacter(html: string): string | undefined {
  const chars = Array.from(html.replace(/<title>\u2068([^<\u2069]*)\u2069 · /g, '<title>$1 · '));
  const index = chars.findIndex((char) => hasUnsafeText(char));
  if (index === -1) return undefined;
  const code = chars[index]?.codePointAt(0)?.toString(16).toUpperCase() ?? '';
  return `U+${code} after ${JSON.stringify(chars.slice(Math.max(0, index - 40), index).join(''))}`;
}

async function readSite(file: string): Promise<string> {
  return readFile(path.join(site, file), 'utf8');
}

describe('a site built from papers holding every hostile string', () => {
  it(`builds all ${String(PAPERS.length)} papers without a warning about the CSP or duplicate slugs`, async () => {
    expect(await filesEnding('index.html')).toEqual(
      expect.arrayContaining(PAPERS.map((paper) => `papers/${paper.slug}/index.html`)),
    );
    const output = buildOutput(site);
    expect(output).not.toMatch(/\[csp\]|same slug|duplicate/i);
  });

  it('writes no file that holds a control character, a noncharacter or a bidi override', async () => {
    const files = [
      ...(await filesEnding('.html')),
      ...(await filesEnding('.xml')),
      ...(await filesEnding('.csv')),
      ...(await filesEnding('.bib')),
      ...(await filesEnding('.json')),
    ];
    expect(files.length).toBeGreaterThan(PAPERS.length);
    const unsafe: string[] = [];
    for (const file of files) {
      const text = await readSite(file);
      const found = unsafeCharacter(text);
      if (found !== undefined) unsafe.push(`${file}: ${found}`);
      if (file.endsWith('.json') && hasUnsafeText(JSON.stringify(JSON.parse(text)))) {
        unsafe.push(`${file} (decoded)`);
      }
    }
    expect(unsafe).toEqual([]);
  });

  it('has no page that html-validate finds an error in', async () => {
    const config = JSON.parse(
      await readFile(path.join(REPO_ROOT, '.htmlvalidate.json'), 'utf8'),
    ) as ConfigData;
    const validator = new HtmlValidate(new StaticConfigLoader(config));
    const errors: string[] = [];
    for (const file of await filesEnding('.html')) {
      const report = await validator.validateFile(path.join(site, file));
      for (const message of report.results.flatMap((result) => result.messages)) {
        errors.push(`${file}:${String(message.line)} ${message.ruleId}: ${message.message}`);
      }
    }
    expect(errors).toEqual([]);
  });

  it('puts the Content-Security-Policy first in <head>, with no inline style allowed or used', async () => {
    for (const file of await filesEnding('.html')) {
      const html = await readSite(file);
      const head = /<head>([\s\S]*?)<\/head>/.exec(html)?.[1] ?? '';
      // Only the character encoding comes before it: it must be within the first 1024 bytes.
      expect(head, file).toMatch(
        /^<meta charset="utf-8"><meta http-equiv="content-security-policy"/,
      );
      const policy = /http-equiv="content-security-policy" content="([^"]*)"/.exec(head)?.[1] ?? '';
      expect(policy).not.toMatch(/style-src-attr|unsafe-inline/);
      expect(html, file).not.toMatch(/<[^>]*\sstyle=/);
    }
  });

  it('writes feeds and sitemaps that a strict XML parser reads, with every item present', async () => {
    const xmlFiles = await filesEnding('.xml');
    expect(xmlFiles).toEqual(expect.arrayContaining(['feed.xml', 'sitemap-0.xml']));
    expect(xmlFiles.filter((file) => file.startsWith('topics/')).length).toBeGreaterThan(0);
    for (const file of xmlFiles) {
      expect(xmlProblems(await readSite(file)), file).toEqual([]);
    }
    const sitemap = await readSite('sitemap-0.xml');
    for (const paper of PAPERS) expect(sitemap).toContain(`/papers/${paper.slug}/</loc>`);
  });

  it('gives feed readers each abstract as text: rendered, an item shows no markup and runs nothing', async () => {
    const feeds = (await filesEnding('.xml')).filter((file) => file.endsWith('feed.xml'));
    const parser = new XMLParser({ isArray: (name) => name === 'item', trimValues: false });
    const descriptions: string[] = [];
    for (const file of feeds) {
      const feed = parser.parse(await readSite(file)) as {
        rss: { channel: { item?: { description: string }[] } };
      };
      // A topic without papers has a feed without items.
      descriptions.push(...(feed.rss.channel.item ?? []).map((item) => item.description));
    }
    expect(descriptions.length).toBeGreaterThan(50);
    const recorded = await newPage(browser);
    const { page, dialogs, consoleErrors, externalRequests } = recorded;
    try {
      await page.goto(`${server.url}404.html`);
      // What a reader that does not sanitise does with an item: put it into its page as HTML.
      const rendered = await page.evaluate((items) => {
        const box = document.createElement('div');
        document.body.append(box);
        return items.map((html) => {
          box.innerHTML = html;
          return [...box.querySelectorAll('*')].map((element) => element.tagName.toLowerCase());
        });
      }, descriptions);
      expect(new Set(rendered.flat())).toEqual(new Set(['p']));
      await page.waitForTimeout(200);
      expect(dialogs).toEqual([]);
      expect(consoleErrors).toEqual([]);
      expect(externalRequests).toEqual([]);
    } finally {
      await recorded.close();
    }
  });

  it('writes CSVs that parse and start no field like a spreadsheet formula', async () => {
    const csvFiles = await filesEnding('.csv');
    expect(csvFiles).toContain('papers.csv');
    for (const file of csvFiles) {
      const rows = parseCsv<Record<string, string>>(await readSite(file), { columns: true });
      const formulas = rows.flatMap((row) =>
        Object.values(row).filter((value) => /^[=+\-@\t\r]/.test(value)),
      );
      expect(formulas, file).toEqual([]);
    }
    const all = parseCsv<Record<string, string>>(await readSite('papers.csv'), { columns: true });
    expect(all).toHaveLength(PAPERS.length);
    expect(
      all.find((row) => row.slug === 'hostile-' + pad(HOSTILE_STRINGS.indexOf('=1+1')))?.authors,
    ).toBe("'=1+1 Ada; Bob Jones");
  });

  it('writes BibTeX that parses entry for entry, and JSON that parses', async () => {
    const library = parseBibtex(await readSite('papers.bib'), { english: false });
    expect(library.entries).toHaveLength(PAPERS.length);
    const json = JSON.parse(await readSite('papers.json')) as { papers: unknown[] };
    expect(json.papers).toHaveLength(PAPERS.length);
  });

  it('cuts the meta description between whole characters', async () => {
    const html = await readSite(`papers/${EMOJI.slug}/index.html`);
    const description = /<meta name="description" content="([^"]*)"/.exec(html)?.[1] ?? '';
    expect(description.startsWith(`${EMOJI.title}. x🙂`)).toBe(true);
    expect(description.endsWith('…')).toBe(true);
    const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
    const whole = new Set(Array.from(segmenter.segment(EMOJI.abstract), (part) => part.segment));
    const kept = Array.from(
      segmenter.segment(description.slice(`${EMOJI.title}. `.length, -1)),
      (part) => part.segment,
    );
    expect(kept.filter((part) => !whole.has(part))).toEqual([]);
  });
});

function pad(index: number): string {
  return String(index).padStart(3, '0');
}

describe('in a browser', () => {
  it('keeps math inside the abstract’s box, and the header takes its own clicks', async () => {
    const recorded = await newPage(browser);
    const { page } = recorded;
    try {
      await page.goto(`${server.url}papers/${MATH_ATTACK.slug}/`);
      const result = await page.evaluate(() => {
        const abstract = document.querySelector('.abstract');
        const header = document.querySelector('.site-header');
        if (abstract === null || header === null) throw new Error('no abstract or header');
        const box = abstract.getBoundingClientRect();
        const outside: string[] = [];
        for (const element of abstract.querySelectorAll('*')) {
          const rect = element.getBoundingClientRect();
          if (rect.width === 0 && rect.height === 0) continue;
          const inside =
            rect.top >= box.top - 1 &&
            rect.bottom <= box.bottom + 1 &&
            // Wide math scrolls inside the box: its left edge stays in, its right may not.
            rect.left >= box.left - 1 &&
            (rect.right <= box.right + 1 || abstract.scrollWidth > abstract.clientWidth);
          if (!inside) outside.push(`${element.tagName} ${JSON.stringify(rect)}`);
        }
        const headerBox = header.getBoundingClientRect();
        const hit = document.elementFromPoint(
          headerBox.left + headerBox.width / 2,
          headerBox.top + headerBox.height / 2,
        );
        const style = getComputedStyle(abstract);
        return {
          outside,
          headerTakesClick: hit !== null && header.contains(hit),
          math: abstract.querySelectorAll('math').length,
          clips: style.overflowY !== 'visible' && style.contain.includes('paint'),
          text: abstract.textContent,
        };
      });
      expect(result.outside).toEqual([]);
      expect(result.headerTakesClick).toBe(true);
      expect(result.clips).toBe(true);
      // The honest formulas render; the attacks show as their source.
      expect(result.math).toBe(2);
      expect(result.text).toContain('$\\rule{1000em}{1000em}$');
      expect(result.text).toContain('$\\raisebox{20em}{RaisedText}$');
    } finally {
      await recorded.close();
    }
  });

  it('shows the authors after a right-to-left override left to right, in their order', async () => {
    const recorded = await newPage(browser);
    const { page } = recorded;
    try {
      await page.goto(`${server.url}papers/${BIDI.slug}/`);
      // Where each name is drawn: a range over its text, found in the authors line under the title.
      const boxes = await page.evaluate(
        (names) => {
          const line = document.querySelector('p.authors');
          if (line === null) throw new Error('no author line');
          const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
          const texts: Text[] = [];
          for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
            texts.push(node as Text);
          }
          return names.map((name) => {
            const node = texts.find((text) => text.data.includes(name));
            if (node === undefined) return undefined;
            const start = node.data.indexOf(name);
            const range = document.createRange();
            // The first and the last letter: in left-to-right order the first is drawn left.
            range.setStart(node, start);
            range.setEnd(node, start + 1);
            const first = range.getBoundingClientRect().left;
            range.setStart(node, start + name.length - 1);
            range.setEnd(node, start + name.length);
            const last = range.getBoundingClientRect().left;
            return { first, last };
          });
        },
        ['Alice Smith', 'Bob Jones', 'Carol White'],
      );
      const [alice, bob, carol] = boxes;
      if (alice === undefined || bob === undefined || carol === undefined) {
        throw new Error(`a name is missing: ${JSON.stringify(boxes)}`);
      }
      for (const name of [alice, bob, carol]) expect(name.first).toBeLessThan(name.last);
      expect(alice.last).toBeLessThan(bob.first);
      expect(bob.last).toBeLessThan(carol.first);
    } finally {
      await recorded.close();
    }
  });
});
