import { describe, expect, it } from 'vitest';
import { jsonLdText, paperMetaTags, scholarlyArticle } from '../../src/lib/site/paper-meta.ts';

const base = {
  abstract: 'We study   weight decay.\nIt helps.',
  pageUrl: 'https://example.org/papers/x/',
  siteName: 'Regularization reading list',
  topicNames: ['Weight decay and norm penalties'],
};

describe('paper metadata', () => {
  it('gives Google Scholar the title, date, abstract and page, and no invented author', () => {
    const tags = paperMetaTags({
      ...base,
      data: { title: 'Decay', date: '2017-11-14', topics: [], sources: [], added: '2026-11-22' },
    });
    const names = tags
      .filter((tag) => tag.attribute === 'name')
      .map((tag) => [tag.key, tag.content]);
    expect(names).toContainEqual(['citation_title', 'Decay']);
    expect(names).toContainEqual(['citation_publication_date', '2017/11/14']);
    expect(names).toContainEqual(['citation_abstract', 'We study weight decay. It helps.']);
    expect(names).toContainEqual(['citation_abstract_html_url', 'https://example.org/papers/x/']);
    expect(names.some(([key]) => key === 'citation_author')).toBe(false);
  });

  it('lists hand-added authors and the arXiv links when present', () => {
    const tags = paperMetaTags({
      ...base,
      data: {
        title: 'Decay',
        authors: ['Ilya Loshchilov', 'Frank Hutter'],
        arxiv: '1711.05101',
        topics: [],
        sources: [],
        added: '2026-11-22',
      },
    });
    const authors = tags.filter((tag) => tag.key === 'citation_author').map((tag) => tag.content);
    expect(authors).toEqual(['Ilya Loshchilov', 'Frank Hutter']);
    expect(tags).toContainEqual({
      attribute: 'name',
      key: 'citation_pdf_url',
      content: 'https://arxiv.org/pdf/1711.05101',
    });
    expect(tags).toContainEqual({ attribute: 'property', key: 'og:type', content: 'article' });
  });

  it('gives an enriched paper its DOI, arXiv id, PDF, venue by kind, and authors in JSON-LD', () => {
    const data = {
      title: 'Spectral Dropout for Graph Neural Networks',
      authors: ['Ana Ortiz', 'Bo Chen'],
      arxiv: '2106.04321',
      doi: '10.5555/sdgnn.2021.17',
      venue: 'Neural Information Processing Systems 2021',
      topics: [],
      sources: [],
      added: '2026-11-22',
    };
    const names = paperMetaTags({ ...base, data }).map((tag) => [tag.key, tag.content]);
    expect(names).toContainEqual(['citation_doi', '10.5555/sdgnn.2021.17']);
    expect(names).toContainEqual(['citation_arxiv_id', '2106.04321']);
    expect(names).toContainEqual([
      'citation_conference_title',
      'Neural Information Processing Systems 2021',
    ]);
    const journal = paperMetaTags({ ...base, data: { ...data, venue: 'Journal of Examples' } });
    expect(journal.map((tag) => tag.key)).toContain('citation_journal_title');
    expect(journal.map((tag) => tag.key)).not.toContain('citation_conference_title');
    const article = scholarlyArticle({ ...base, data });
    expect(article.author).toEqual([
      { '@type': 'Person', name: 'Ana Ortiz' },
      { '@type': 'Person', name: 'Bo Chen' },
    ]);
    expect(article.identifier).toEqual({
      '@type': 'PropertyValue',
      propertyID: 'DOI',
      value: '10.5555/sdgnn.2021.17',
    });
    expect(article.sameAs).toContain('https://doi.org/10.5555/sdgnn.2021.17');
  });

  it('describes the paper as a schema.org ScholarlyArticle', () => {
    const article = scholarlyArticle({
      ...base,
      data: {
        title: 'Decay',
        date: '2017-11-14',
        arxiv: '1711.05101',
        topics: [],
        sources: [],
        added: '2026-11-22',
      },
    });
    expect(article).toMatchObject({
      '@type': 'ScholarlyArticle',
      headline: 'Decay',
      datePublished: '2017-11-14',
      url: 'https://example.org/papers/x/',
      sameAs: ['https://arxiv.org/abs/1711.05101'],
    });
    expect(article).not.toHaveProperty('author');
  });

  it('writes JSON-LD that a title cannot break out of', () => {
    const text = jsonLdText({ headline: '</script><script>alert(1)</script>' });
    expect(text).not.toContain('</script>');
    expect(JSON.parse(text)).toEqual({ headline: '</script><script>alert(1)</script>' });
  });
});
