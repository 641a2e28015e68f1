/**
 * What the project tells contributors and re-users: a README that points to the contributing
 * guide and states the licences, a LICENSE file, and examples that work as printed.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

const readme = await readFile('README.md', 'utf8');
const contributing = await readFile('CONTRIBUTING.md', 'utf8');

/** The text of a `## heading` section of a Markdown file, up to the next `## `. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  expect(start, `a "## ${heading}" section`).toBeGreaterThanOrEqual(0);
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end === -1 ? undefined : end);
}

describe('the README', () => {
  it('has a Contributing section naming CONTRIBUTING.md, npm run new and npm run check', () => {
    const text = section(readme, 'Contributing');
    expect(text).toContain('(CONTRIBUTING.md)');
    expect(text).toContain('`npm run new`');
    expect(text).toContain('`npm run check`');
  });

  it('states the licence of the code and of the data, and how abstracts are used', () => {
    const text = section(readme, 'Licence');
    expect(text).toContain('[MIT licence](LICENSE)');
    expect(text).toMatch(/CC0 1\.0/);
    expect(text).toMatch(/abstracts\s+belong to their authors/i);
  });

  it('tells GitHub Pages users to set the source to GitHub Actions', () => {
    expect(readme).toContain('**Source: GitHub Actions**');
  });
});

describe('LICENSE', () => {
  it('is the MIT licence that package.json names', async () => {
    const license = await readFile('LICENSE', 'utf8');
    const pkg = JSON.parse(await readFile('package.json', 'utf8')) as { license: string };
    expect(pkg.license).toBe('MIT');
    expect(license).toMatch(/^MIT License\n/);
    expect(license).toContain('Permission is hereby granted, free of charge');
  });
});

describe('CONTRIBUTING.md', () => {
  it('reads the abstract in its examples from standard input or from a file that exists', () => {
    const files = [...contributing.matchAll(/--abstract-file\s+([^\s\\`|]+)/g)].map(
      (match) => match[1] ?? '',
    );
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      if (file === 'FILE' || file === '-') continue;
      expect(existsSync(file), `${file} named in CONTRIBUTING.md`).toBe(true);
    }
  });
});

describe('the issue form the footer links to', () => {
  it('exists', () => {
    expect(existsSync('.github/ISSUE_TEMPLATE/suggest-a-paper.yml')).toBe(true);
  });
});
