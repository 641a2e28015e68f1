import { describe, expect, it, vi } from 'vitest';
import { indexSite, type PagefindApi } from '../../src/integrations/pagefind.ts';

/** A stand-in for Pagefind's service that records calls and returns the given errors. */
function fakePagefind(errors: { create?: string[]; add?: string[]; write?: string[] } = {}) {
  const calls: string[] = [];
  const index = {
    addDirectory: vi.fn((options: { path: string; glob?: string }) => {
      calls.push(`addDirectory ${options.path} ${options.glob ?? '**/*.html'}`);
      return Promise.resolve({ errors: errors.add ?? [], page_count: 12 });
    }),
    writeFiles: vi.fn((options: { outputPath: string }) => {
      calls.push(`writeFiles ${options.outputPath}`);
      return Promise.resolve({ errors: errors.write ?? [], outputPath: options.outputPath });
    }),
  };
  const api = {
    createIndex: vi.fn(() => {
      calls.push('createIndex');
      return Promise.resolve({ errors: errors.create ?? [], index });
    }),
    close: vi.fn(() => {
      calls.push('close');
      return Promise.resolve(null);
    }),
  };
  return { api: api as unknown as PagefindApi, calls };
}

describe('indexSite', () => {
  it('indexes the paper pages of the built site and writes the bundle into its pagefind folder', async () => {
    const { api, calls } = fakePagefind();
    await expect(indexSite('/site/dist', api)).resolves.toBe(12);
    expect(calls).toEqual([
      'createIndex',
      'addDirectory /site/dist papers/*/index.html',
      'writeFiles /site/dist/pagefind',
      'close',
    ]);
  });

  it('fails the build on an indexing error and still closes the service', async () => {
    const { api, calls } = fakePagefind({ add: ['could not parse page.html'] });
    await expect(indexSite('/site/dist', api)).rejects.toThrow(
      'Pagefind addDirectory failed:\ncould not parse page.html',
    );
    expect(calls).not.toContain('writeFiles /site/dist/pagefind');
    expect(calls.at(-1)).toBe('close');
  });

  it('fails when the bundle cannot be written', async () => {
    const { api } = fakePagefind({ write: ['disk full'] });
    await expect(indexSite('/site/dist', api)).rejects.toThrow(
      'Pagefind writeFiles failed:\ndisk full',
    );
  });
});
