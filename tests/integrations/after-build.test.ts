import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  AFTER_BUILD_VARIABLE,
  afterBuildFile,
  readAfterBuildSteps,
  recordAfterBuildStep,
} from '../../src/integrations/after-build.ts';
import headers from '../../src/integrations/headers.ts';
import pagefind from '../../src/integrations/pagefind.ts';

let workDir: string;
let outDir: string;
let stepsFile: string;

beforeEach(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), 'after-build-'));
  outDir = path.join(workDir, 'dist');
  stepsFile = path.join(workDir, 'after-build.json');
});

afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(workDir, { recursive: true, force: true });
});

/** Calls an integration's hook with only the arguments these integrations read. */
async function callHook(
  integration: AstroIntegration,
  hook: 'astro:config:done' | 'astro:build:done',
  options: Record<string, unknown>,
): Promise<void> {
  const run = integration.hooks[hook] as ((options: unknown) => Promise<void> | void) | undefined;
  if (run === undefined) throw new Error(`${integration.name} has no ${hook} hook`);
  await run(options);
}

function recordingLogger() {
  const lines: string[] = [];
  const logger = { info: (line: string) => lines.push(line) } as unknown as AstroIntegrationLogger;
  return { lines, logger };
}

describe('the file of deferred steps', () => {
  it('is named by the environment, and absent when the variable is unset or empty', () => {
    expect(afterBuildFile({ [AFTER_BUILD_VARIABLE]: '/tmp/steps.json' })).toBe('/tmp/steps.json');
    expect(afterBuildFile({ [AFTER_BUILD_VARIABLE]: '' })).toBeUndefined();
    expect(afterBuildFile({})).toBeUndefined();
  });

  it('reads as no steps before any integration has recorded one', async () => {
    await expect(readAfterBuildSteps(stepsFile)).resolves.toEqual({});
  });

  it('keeps every integration’s step, each recorded on its own', async () => {
    await recordAfterBuildStep(stepsFile, { index: { outDir } });
    await recordAfterBuildStep(stepsFile, { headers: { outDir, base: '/list/', csp: 'x' } });
    await expect(readAfterBuildSteps(stepsFile)).resolves.toEqual({
      index: { outDir },
      headers: { outDir, base: '/list/', csp: 'x' },
    });
    expect(await readFile(stepsFile, 'utf8')).toMatch(/\}\n$/);
  });

  it('says what is wrong with a file that is not JSON rather than dropping the steps', async () => {
    await writeFile(stepsFile, '{"index":');
    await expect(readAfterBuildSteps(stepsFile)).rejects.toThrow(SyntaxError);
  });
});

describe('the integrations under npm run build', () => {
  it('leave indexing to after Astro has exited, and say so', async () => {
    vi.stubEnv(AFTER_BUILD_VARIABLE, stepsFile);
    const { lines, logger } = recordingLogger();
    // No page is built: indexing now would fail with Pagefind's "not able to build an index".
    await callHook(pagefind(), 'astro:build:done', { dir: pathToFileURL(`${outDir}/`), logger });
    // Astro names the output folder with a final slash.
    await expect(readAfterBuildSteps(stepsFile)).resolves.toEqual({
      index: { outDir: `${outDir}/` },
    });
    expect(lines).toEqual(['Search index: built once Astro has exited']);
  });

  it('leave the _headers file to after the index, with the base path and CSP of the config', async () => {
    vi.stubEnv(AFTER_BUILD_VARIABLE, stepsFile);
    const integration = headers();
    const csp = { directives: ["default-src 'self'", "img-src 'self' data:"] };
    await callHook(integration, 'astro:config:done', {
      config: { base: '/list', security: { csp } },
    });
    await mkdir(outDir, { recursive: true });
    await callHook(integration, 'astro:build:done', { dir: pathToFileURL(`${outDir}/`) });
    const steps = await readAfterBuildSteps(stepsFile);
    expect(steps.headers).toMatchObject({ outDir: `${outDir}/`, base: '/list/' });
    expect(steps.headers?.csp).toContain("img-src 'self' data:");
    expect(await readdir(outDir)).toEqual([]);
  });

  it('write the _headers file themselves under a plain astro build', async () => {
    const integration = headers();
    await callHook(integration, 'astro:config:done', {
      config: { base: '/', security: { csp: { directives: ["default-src 'self'"] } } },
    });
    await mkdir(outDir, { recursive: true });
    await callHook(integration, 'astro:build:done', { dir: pathToFileURL(`${outDir}/`) });
    expect(await readdir(outDir)).toEqual(['_headers']);
    await expect(readAfterBuildSteps(stepsFile)).resolves.toEqual({});
  });
});
