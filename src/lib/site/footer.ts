/**
 * The links every page ends with: the project (repository, "Suggest a paper", how to contribute)
 * and the data (feeds and downloads). Project links need the repository's address (REPO_URL);
 * without it they are left out rather than pointing nowhere.
 */
import { withBase } from './urls.ts';

export interface FooterLink {
  label: string;
  href: string;
  /** A file name to save a download under. */
  download?: string;
}

export interface FooterLinks {
  project: FooterLink[];
  data: FooterLink[];
}

/** The issue form for suggesting a paper (`.github/ISSUE_TEMPLATE/suggest-a-paper.yml`). */
export const SUGGEST_TEMPLATE = 'suggest-a-paper.yml';

/** The footer's links for a site under `base` whose repository is `repo` (a GitHub address). */
export function footerLinks(base: string, repo: string | undefined): FooterLinks {
  const project: FooterLink[] =
    repo === undefined
      ? []
      : [
          { label: 'Repository', href: repo },
          { label: 'Suggest a paper', href: `${repo}/issues/new?template=${SUGGEST_TEMPLATE}` },
          { label: 'Contribute', href: `${repo}/blob/HEAD/CONTRIBUTING.md` },
        ];
  return {
    project: [...project, { label: 'About the data', href: withBase(base, 'about/') }],
    data: [
      { label: 'RSS feed', href: withBase(base, 'feed.xml') },
      { label: 'papers.json', href: withBase(base, 'papers.json') },
      {
        label: 'BibTeX',
        href: withBase(base, 'papers.bib'),
        download: 'regularization-reading-list.bib',
      },
      {
        label: 'CSV',
        href: withBase(base, 'papers.csv'),
        download: 'regularization-reading-list.csv',
      },
    ],
  };
}
