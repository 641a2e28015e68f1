import { describe, expect, it } from 'vitest';
import { siteLinks, topicPath, yearPath } from '../../src/lib/site/links.ts';
import { robotsTxt, webManifest } from '../../src/lib/site/site-files.ts';
import { pageFrame } from '../../src/lib/site/layout.ts';
import { footerLinks, projectLinks } from '../../src/lib/site/footer.ts';

const underPath = siteLinks({ site: 'https://lab.example.org', base: '/reading-list/' });
const atRoot = siteLinks({ site: 'https://lab.example.org', base: '/' });

describe('siteLinks', () => {
  it('puts every internal link under the base path', () => {
    expect(underPath.href('all/')).toBe('/reading-list/all/');
    expect(underPath.href('')).toBe('/reading-list/');
    expect(underPath.paperHref('dropout')).toBe('/reading-list/papers/dropout/');
    expect(underPath.topicHref('dropout-noise')).toBe('/reading-list/topics/dropout-noise/');
    expect(underPath.yearHref('2024')).toBe('/reading-list/years/2024/');
    expect(atRoot.paperHref('dropout')).toBe('/papers/dropout/');
  });

  it('gives full addresses with the origin and the base, for feeds, citations and sitemaps', () => {
    expect(underPath.siteUrl).toBe('https://lab.example.org/reading-list/');
    expect(atRoot.siteUrl).toBe('https://lab.example.org/');
    expect(underPath.absoluteUrl('papers/dropout/')).toBe(
      'https://lab.example.org/reading-list/papers/dropout/',
    );
    // A page's served path already holds the base: it is not added twice.
    expect(underPath.servedUrl('/reading-list/about/')).toBe(
      'https://lab.example.org/reading-list/about/',
    );
  });

  it('names topic and year pages by path relative to the base', () => {
    expect(topicPath('weight-penalties')).toBe('topics/weight-penalties/');
    expect(yearPath('2019')).toBe('years/2019/');
  });
});

describe('robotsTxt', () => {
  it('names the sitemap by its full address under the base', () => {
    expect(robotsTxt(underPath)).toBe(
      'User-agent: *\nAllow: /\n\nSitemap: https://lab.example.org/reading-list/sitemap-index.xml\n',
    );
  });
});

describe('webManifest', () => {
  it('starts and scopes the app at the base path, with the icon under it', () => {
    const manifest = JSON.parse(webManifest(underPath)) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      start_url: '/reading-list/',
      scope: '/reading-list/',
      icons: [{ src: '/reading-list/favicon.svg', sizes: 'any', type: 'image/svg+xml' }],
    });
    expect(webManifest(underPath).endsWith('}\n')).toBe(true);
  });
});

describe('pageFrame', () => {
  it('marks the section shown as current in the navigation, and only it', () => {
    const frame = pageFrame('years', [], underPath, undefined);
    expect(frame.nav.map((item) => [item.label, item.href, item.current])).toEqual([
      ['Topics', '/reading-list/topics/', false],
      ['All papers', '/reading-list/all/', false],
      ['Years', '/reading-list/years/', true],
      ['About', '/reading-list/about/', false],
    ]);
    expect(frame.home).toEqual({ href: '/reading-list/', current: false });
    expect(pageFrame('home', [], underPath, undefined).home.current).toBe(true);
  });

  it("advertises the site's feed first, then the page's own", () => {
    const topicFeed = { title: 'Dropout: newly added papers', href: '/t/feed.xml' };
    expect(pageFrame(undefined, [topicFeed], atRoot, undefined).feeds).toEqual([
      { title: 'Regularization reading list: newly added papers', href: '/feed.xml' },
      topicFeed,
    ]);
  });
});

describe('footerLinks and projectLinks', () => {
  it('links the repository, the issue form and CONTRIBUTING.md when the repository is known', () => {
    expect(projectLinks('https://github.com/lab/list')).toEqual({
      repository: 'https://github.com/lab/list',
      suggest: 'https://github.com/lab/list/issues/new?template=suggest-a-paper.yml',
      contribute: 'https://github.com/lab/list/blob/HEAD/CONTRIBUTING.md',
    });
    expect(projectLinks(undefined)).toBeUndefined();
  });

  it('saves the downloads under the list’s name', () => {
    expect(footerLinks(atRoot, undefined).data.map((link) => [link.href, link.download])).toEqual([
      ['/feed.xml', undefined],
      ['/papers.json', undefined],
      ['/papers.bib', 'regularization-reading-list.bib'],
      ['/papers.csv', 'regularization-reading-list.csv'],
    ]);
  });
});
