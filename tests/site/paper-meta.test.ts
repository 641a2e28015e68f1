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
