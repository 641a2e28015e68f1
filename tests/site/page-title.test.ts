import { describe, expect, it } from 'vitest';
import { pageTitle } from '../../src/lib/site/page-title.ts';

describe('pageTitle', () => {
  it('is the page’s title, then the site’s name', () => {
    expect(pageTitle('Dropout', 'Reading list')).toBe('Dropout · Reading list');
    expect(pageTitle('Reading list', 'Reading list')).toBe('Reading list');
  });

  it('isolates a title holding right-to-left text, so the site’s name keeps its place', () => {
    expect(pageTitle('تنظيم الشبكات', 'Reading list')).toBe(
      '\u2068تنظيم الشبكات\u2069 · Reading list',
    );
    expect(pageTitle('Regularisation (עברית)', 'Reading list')).toBe(
      '\u2068Regularisation (עברית)\u2069 · Reading list',
    );
  });
});
