import { describe, expect, it } from 'vitest';
import { builtBasePath, previewEnvironment } from '../../src/lib/hosting/preview-address.ts';

const home = (href: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><link rel="canonical" href="${href}"></head></html>`;

describe('builtBasePath', () => {
  it('reads the base path from the home page canonical link', () => {
    expect(builtBasePath(home('https://lab.example/reading-list/'))).toBe('/reading-list/');
    expect(builtBasePath(home('https://example.org/'))).toBe('/');
    expect(builtBasePath('<html></html>')).toBeUndefined();
  });
});

describe('previewEnvironment', () => {
  it('serves a build made for a sub-path at that sub-path, and says so', () => {
    const { env, note } = previewEnvironment(
      { PATH: '/bin' },
      home('https://x.test/reading-list/'),
    );
    expect(env).toEqual({ PATH: '/bin', BASE_PATH: '/reading-list/' });
    expect(note).toContain('/reading-list/');
  });

  it('leaves a BASE_PATH the reader set, and a root build, alone', () => {
    expect(previewEnvironment({ BASE_PATH: '/other/' }, home('https://x.test/a/')).env).toEqual({
      BASE_PATH: '/other/',
    });
    expect(previewEnvironment({}, home('https://x.test/'))).toEqual({ env: {}, note: undefined });
  });
});
