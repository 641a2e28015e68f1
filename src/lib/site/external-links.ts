/** Links out from a paper page that work with or without an identifier. */
export interface ExternalLink {
  label: string;
  href: string;
}

/**
 * Direct links when the paper has an arXiv id or URL, then title searches on arXiv, Hugging Face
 * Papers and Google Scholar, which find the paper from its title alone.
 */
export function externalLinks(paper: {
  title: string;
  arxiv?: string | undefined;
  url?: string | undefined;
}): ExternalLink[] {
  const links: ExternalLink[] = [];
  if (paper.arxiv !== undefined)
    links.push({ label: `arXiv:${paper.arxiv}`, href: `https://arxiv.org/abs/${paper.arxiv}` });
  if (paper.url !== undefined) links.push({ label: 'Paper website', href: paper.url });
  const title = encodeURIComponent(paper.title);
  links.push(
    { label: 'Search arXiv', href: `https://arxiv.org/search/?searchtype=title&query=${title}` },
    { label: 'Search Hugging Face Papers', href: `https://huggingface.co/papers?q=${title}` },
    {
      label: 'Search Google Scholar',
      href: `https://scholar.google.com/scholar?q=${encodeURIComponent(`"${paper.title}"`)}`,
    },
  );
  return links;
}
