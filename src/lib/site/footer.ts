/**
 * The links every page ends with: the project (repository, "Suggest a paper", how to contribute)
 * and the data (feeds and downloads). Project links need the repository's address (REPO_URL);
 * without it they are left out rather than pointing nowhere.
 */
import type { SiteLinks } from './links.ts';

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

/** Where the project lives, for the footer and the about page. */
export interface ProjectLinks {
  repository: string;
  /** The issue form for suggesting a paper. */
  suggest: string;
  /** CONTRIBUTING.md on the default branch. */
  contribute: string;
}

/** The project's links in the repository `repo` (a GitHub address); undefined when it is unknown. */
export function projectLinks(repo: string | undefined): ProjectLinks | undefined {
  return repo === undefined
    ? undefined
    : {
        repository: repo,
        suggest: `${repo}/issues/new?template=${SUGGEST_TEMPLATE}`,
        contribute: `${repo}/blob/HEAD/CONTRIBUTING.md`,
      };
}

/** The footer's links for the site whose links `links` makes, with its repository `repo`. */
export function footerLinks(links: Pick<SiteLinks, 'href'>, repo: string | undefined): FooterLinks {
  const project = projectLinks(repo);
  return {
    project: [
      ...(project === undefined
        ? []
        : [
            { label: 'Repository', href: project.repository },
            { label: 'Suggest a paper', href: project.suggest },
            { label: 'Contribute', href: project.contribute },
          ]),
      { label: 'About the data', href: links.href('about/') },
    ],
    data: [
      { label: 'RSS feed', href: links.href('feed.xml') },
      { label: 'papers.json', href: links.href('papers.json') },
      {
        label: 'BibTeX',
        href: links.href('papers.bib'),
        download: 'regularization-reading-list.bib',
      },
      {
        label: 'CSV',
        href: links.href('papers.csv'),
        download: 'regularization-reading-list.csv',
      },
    ],
  };
}
