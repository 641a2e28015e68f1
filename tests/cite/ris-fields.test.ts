/** Every field of a RIS record, written out by hand for references a curator would recognise. */
import { describe, expect, it } from 'vitest';
import { risFromReference } from '../../src/lib/cite/ris.ts';
import { bareReference } from './sample-papers.ts';

const BARE = bareReference('Dropout: A Simple Way to Prevent Neural Networks from Overfitting');

describe('risFromReference', () => {
  it('writes every field of a full reference, in order, each line ending in CRLF', () => {
    const record = risFromReference({
      ...BARE,
      key: 'srivastava2014dropout',
      authors: [
        { family: 'Srivastava', given: 'Nitish' },
        { family: 'King', given: 'Martin Luther', suffix: 'Jr.' },
        { family: 'Plato', given: '' },
        { literal: 'Google Brain Team' },
      ],
      moreAuthors: true,
      authorNote: '5 authors',
      issued: { year: 2014, month: 6, day: 1 },
      venue: { name: 'Journal of Machine Learning Research', kind: 'journal' },
      doi: '10.5555/2627435.2670313',
      arxiv: '1207.0580',
      url: 'https://arxiv.org/abs/1207.0580',
      abstract: 'Deep neural nets overfit.',
    });
    expect(record).toBe(
      [
        'TY  - JOUR',
        'ID  - srivastava2014dropout',
        'TI  - Dropout: A Simple Way to Prevent Neural Networks from Overfitting',
        'AU  - Srivastava, Nitish',
        'AU  - King, Martin Luther, Jr.',
        'AU  - Plato',
        'AU  - Google Brain Team',
        'PY  - 2014',
        'DA  - 2014/06/01/',
        'T2  - Journal of Machine Learning Research',
        'N1  - 5 authors',
        'DO  - 10.5555/2627435.2670313',
        'AN  - arXiv:1207.0580',
        'UR  - https://arxiv.org/abs/1207.0580',
        'AB  - Deep neural nets overfit.',
        'ER  - ',
        '',
      ].join('\r\n'),
    );
  });

  it('writes only type, key, title, link and end for a reference with nothing else', () => {
    expect(risFromReference(BARE)).toBe(
      [
        'TY  - GEN',
        'ID  - dropout2014-a1b2c3',
        'TI  - Dropout: A Simple Way to Prevent Neural Networks from Overfitting',
        'UR  - https://example.org/papers/dropout/',
        'ER  - ',
        '',
      ].join('\r\n'),
    );
  });

  it.each([
    ['conference', 'CPAPER'],
    ['journal', 'JOUR'],
    ['other', 'GEN'],
  ] as const)('types a %s paper as %s', (kind, type) => {
    const record = risFromReference({ ...BARE, venue: { name: 'Venue', kind } });
    expect(record.startsWith(`TY  - ${type}\r\n`)).toBe(true);
    expect(record).toContain('\r\nT2  - Venue\r\n');
  });

  it('pads month and day to two digits and ends the date with a slash', () => {
    const record = risFromReference({ ...BARE, issued: { year: 2009, month: 11, day: 3 } });
    expect(record).toContain('\r\nPY  - 2009\r\nDA  - 2009/11/03/\r\n');
  });
});
