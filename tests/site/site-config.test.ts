import { describe, expect, it } from 'vitest';
import { warningLines } from '../../src/integrations/site-address.ts';
import { SiteAddressError, siteAddress } from '../../src/lib/site/site-config.ts';
import { footerLinks } from '../../src/lib/site/footer.ts';
import { siteLinks } from '../../src/lib/site/links.ts';

describe('siteAddress', () => {
  it('takes the base path from a SITE_URL that carries one', () => {
    expect(siteAddress({ SITE_URL: 'https://lab.example/reading-list/' })).toMatchObject({
      site: 'https://lab.example',
      base: '/reading-list/',
    });
    expect(siteAddress({ SITE_URL: 'https://lab.example/reading-list' }).base).toBe(
      '/reading-list/',
    );
    expect(
      siteAddress({ SITE_URL: 'https://lab.example/reading-list/', BASE_PATH: 'reading-list' })
        .base,
    ).toBe('/reading-list/');
  });

  it('refuses a SITE_URL path and a BASE_PATH that disagree, naming both', () => {
    expect(() =>
      siteAddress({ SITE_URL: 'https://lab.example/reading-list/', BASE_PATH: '/papers/' }),
    ).toThrow(SiteAddressError);
    expect(() =>
      siteAddress({ SITE_URL: 'https://lab.example/reading-list/', BASE_PATH: '/papers/' }),
    ).toThrow(/names the path \/reading-list\/ but BASE_PATH="\/papers\/" says \/papers\//);
  });

  it('refuses a SITE_URL that is not an http(s) address', () => {
    expect(() => siteAddress({ SITE_URL: 'lab.example' })).toThrow(/is not a web address/);
    expect(() => siteAddress({ SITE_URL: 'ftp://lab.example' })).toThrow(/not an http\(s\)/);
  });

  it('warns when SITE_URL is not set, and not when it is', () => {
    expect(siteAddress({ REPO_URL: 'https://github.com/a/b' }).warnings).toEqual([
      expect.stringMatching(/^SITE_URL is not set: .*https:\/\/example\.org/),
    ]);
    expect(
      siteAddress({ SITE_URL: 'https://lab.example', REPO_URL: 'https://github.com/a/b' }).warnings,
    ).toEqual([]);
  });

  it('finds the repository in REPO_URL, else in GitHub Actions, else warns', () => {
    expect(siteAddress({ REPO_URL: 'https://github.com/lab/list.git' }).repo).toBe(
      'https://github.com/lab/list',
    );
    expect(
      siteAddress({ GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'lab/list' }).repo,
    ).toBe('https://github.com/lab/list');
    const unknown = siteAddress({ SITE_URL: 'https://lab.example' });
    expect(unknown.repo).toBeUndefined();
    expect(unknown.warnings).toEqual([expect.stringMatching(/^REPO_URL is not set/)]);
  });
});

describe('warningLines', () => {
  it('adds a GitHub Actions annotation for each warning on Actions only', () => {
    expect(warningLines(['w'], {})).toEqual({ log: ['w'], annotations: [] });
    expect(warningLines(['w'], { GITHUB_ACTIONS: 'true' }).annotations).toEqual([
      '::warning title=Site address::w',
    ]);
  });
});

describe('footerLinks', () => {
  it('links the repository, the issue form and CONTRIBUTING.md, the feed and the downloads', () => {
    const links = footerLinks(
      siteLinks({ site: 'https://lab.example.org', base: '/reading-list/' }),
      'https://github.com/lab/list',
    );
    expect(links.project).toEqual([
      { label: 'Repository', href: 'https://github.com/lab/list' },
      {
        label: 'Suggest a paper',
        href: 'https://github.com/lab/list/issues/new?template=suggest-a-paper.yml',
      },
      { label: 'Contribute', href: 'https://github.com/lab/list/blob/HEAD/CONTRIBUTING.md' },
      { label: 'About the data', href: '/reading-list/about/' },
    ]);
    expect(links.data.map((link) => link.href)).toEqual([
      '/reading-list/feed.xml',
      '/reading-list/papers.json',
      '/reading-list/papers.bib',
      '/reading-list/papers.csv',
    ]);
  });

  it('leaves out project links when the repository is unknown', () => {
    expect(
      footerLinks(siteLinks({ site: 'https://lab.example.org', base: '/' }), undefined).project.map(
        (link) => link.label,
      ),
    ).toEqual(['About the data']);
  });
});
