import type { PaperData } from '../paper/schema.ts';

/** Links out from a paper page: to the paper itself when we know where it is, else searches. */
export interface ExternalLink {
  label: string;
  href: string;
  /** `direct` opens the paper, its code or its page; `search` looks for it by title. */
  kind: 'direct' | 'search';
}

/** What the links need of a paper. */
export type LinkedPaper = Pick<
  PaperData,
  'title' | 'arxiv' | 'doi' | 'url' | 'code' | 'projectPage'
>;

/**
 * The paper's own links, in the order a reader wants them: arXiv's abstract page and PDF, the
 * code, the project page, the DOI and the paper's own link. Without an arXiv id, searches by title
 * on arXiv, Hugging Face Papers and Google Scholar follow as a fallback: they find the paper from
 * its title alone.
 */
export function externalLinks(paper: LinkedPaper): ExternalLink[] {
  const links: ExternalLink[] = [];
  const direct = (label: string, href: string | undefined): void => {
    if (href !== undefined) links.push({ label, href, kind: 'direct' });
  };
  if (paper.arxiv !== undefined) {
    direct('arXiv', `https://arxiv.org/abs/${paper.arxiv}`);
    direct('PDF', `https://arxiv.org/pdf/${paper.arxiv}`);
  }
  direct('Code', paper.code);
  direct('Project page', paper.projectPage);
  // A DOI may hold `<`, `#` or `?`; each character is encoded, the slash is not.
  direct(
    'DOI',
    paper.doi === undefined
      ? undefined
      : `https://doi.org/${paper.doi.split('/').map(encodeURIComponent).join('/')}`,
  );
  if (paper.url !== undefined && paper.url !== paper.projectPage)
    direct('Paper website', paper.url);
  if (paper.arxiv !== undefined) return links;
  const title = encodeURIComponent(paper.title);
  links.push(
    {
      label: 'Search arXiv',
      href: `https://arxiv.org/search/?searchtype=title&query=${title}`,
      kind: 'search',
    },
    {
      label: 'Search Hugging Face Papers',
      href: `https://huggingface.co/papers?q=${title}`,
      kind: 'search',
    },
    {
      label: 'Search Google Scholar',
      href: `https://scholar.google.com/scholar?q=${encodeURIComponent(`"${paper.title}"`)}`,
      kind: 'search',
    },
  );
  return links;
}

/** A run of links a paper page shows together, after a line saying what they are. */
export interface LinkGroup {
  links: ExternalLink[];
  /** The list's class: the paper's own links are laid out as a row. */
  className: string | undefined;
  lead: string | undefined;
}

/** The paper's own links first, as a row; the title searches after them, for papers without an id. */
export function linkGroups(paper: LinkedPaper): LinkGroup[] {
  const links = externalLinks(paper);
  const direct = links.filter((link) => link.kind === 'direct');
  const searches = links.filter((link) => link.kind === 'search');
  const groups: LinkGroup[] = [
    { links: direct, className: 'paper-links', lead: undefined },
    {
      links: searches,
      className: undefined,
      lead:
        direct.length > 0 ? 'No arXiv id yet; search for it by title:' : 'Search for it by title:',
    },
  ];
  return groups.filter((group) => group.links.length > 0);
}
