/**
 * Builds the real site from a content folder into a scratch folder and serves a built site on
 * 127.0.0.1 under a base path: what the browser tests, the build-output tests and the search
 * benchmark all need. Everything comes from the repository and npm packages, so it works on a
 * fresh machine with only Node and npm.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The repository root: builds run here so they use the project's own config and sources. */
export const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));

/** The only host the site under test may talk to. */
export const LOCAL_HOST = '127.0.0.1';

/** The SITE_URL of a build that names none: canonical links, feeds and sitemaps point there. */
export const TEST_SITE_URL = 'https://reading-list.test';

// ---------------------------------------------------------------------------------------------
// Building the site
// ---------------------------------------------------------------------------------------------

export interface BuildOptions {
  /** Folder holding `papers/` and `topics.yaml`; relative paths are taken from the repo root. */
  contentDir: string;
  /** The base path the site is built for, such as `/` or `/reading-list/`. */
  base: string;
  /**
   * Where to write the site, inside the repository (see BUILD_ROOT for why); a new folder under
   * BUILD_ROOT when omitted. The repo's `dist/` is never used.
   */
  outDir?: string;
  /**
   * The origin given as SITE_URL, `TEST_SITE_URL` when omitted. It is deliberately not 127.0.0.1:
   * a page that loads anything from its absolute canonical origin instead of a base-relative path
   * then shows up as a request to another host.
   */
  site?: string;
  /** More environment variables for the build, such as REPO_URL. */
  env?: Readonly<Record<string, string>>;
}

/**
 * Where test builds go: git-ignored, and inside the repository on purpose. Astro bundles the
 * pages into `<outDir>/.prerender/` only when outDir is inside the working directory (the bundle
 * imports packages from node_modules/); otherwise it uses the repo's shared `.astro/.prerender/`,
 * where concurrent builds delete each other's chunks.
 */
export const BUILD_ROOT = path.join(
  REPO_ROOT,
  'node_modules',
  '.cache',
  'reading-list-browser-tests',
);

/** Builds started in this process, by content folder and base: each pair is built once. */
const builds = new Map<string, Promise<string>>();
/**
 * The last build started: each build waits for it. Builds share the repo's `.astro/` folder (Astro
 * rewrites generated modules there that the build then imports), so two at once could read a
 * half-written file; one at a time costs about a second against overlapping them.
 */
let buildQueue: Promise<unknown> = Promise.resolve();
/** Folders this process created, removed by `removeBuilds`. */
const workDirs = new Set<string>();

async function makeWorkDir(): Promise<string> {
  await mkdir(BUILD_ROOT, { recursive: true });
  const dir = await mkdtemp(path.join(BUILD_ROOT, 'build-'));
  workDirs.add(dir);
  return dir;
}

/**
 * Writes a config that is the project's astro.config.mjs with a private `cacheDir`. Astro keeps its
 * content store (the parsed papers) in the cache folder, shared by default under node_modules/;
 * two builds of different corpora at once (the two bases here, another test file, or someone's
 * `npm run build`) would otherwise read and overwrite each other's store.
 */
async function writeIsolatedConfig(workDir: string): Promise<string> {
  const projectConfig = pathToFileURL(path.join(REPO_ROOT, 'astro.config.mjs')).href;
  const configFile = path.join(workDir, 'astro.config.mjs');
  await writeFile(
    configFile,
    `import config from ${JSON.stringify(projectConfig)};\n` +
      `export default { ...config, cacheDir: ${JSON.stringify(path.join(workDir, 'cache'))} };\n`,
  );
  return configFile;
}

/** Runs a command to completion; resolves with its exit code and interleaved output. */
function run(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => {
      resolve({ code, output });
    });
  });
}

/**
 * Variables Vitest sets in the test process (Vite's `import.meta.env` values among them). A build
 * must not inherit them: Vite reads a BASE_URL variable as the site's base, so the `/` that
 * Vitest sets would silently replace BASE_PATH in every link, and NODE_ENV=test is not a build.
 */
const TEST_RUNNER_VARIABLES = /^(?:BASE_URL|MODE|DEV|PROD|SSR|TEST|NODE_ENV|FORCE_TTY|VITEST.*)$/;

/** This process's environment without the test runner's own variables. */
function buildEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !TEST_RUNNER_VARIABLES.test(name)),
  );
}

async function runBuild(contentDir: string, base: string, options: BuildOptions): Promise<string> {
  const workDir = await makeWorkDir();
  const outDir = path.resolve(REPO_ROOT, options.outDir ?? path.join(workDir, 'dist'));
  if (!outDir.startsWith(REPO_ROOT)) {
    throw new Error(`outDir must be inside ${REPO_ROOT} (see BUILD_ROOT): ${outDir}`);
  }
  const configFile = await writeIsolatedConfig(workDir);
  // process.execPath is the Node that runs the tests (the project's own Node 24 under npm), and the
  // script is that of `npm run build`, so the tests build the site exactly as a maintainer does.
  const buildScript = path.join(REPO_ROOT, 'scripts', 'build.ts');
  const { code, output } = await run(
    process.execPath,
    [
      buildScript,
      '--root',
      REPO_ROOT,
      // Astro joins --config to the root, so it must be relative to it.
      '--config',
      path.relative(REPO_ROOT, configFile),
      '--outDir',
      outDir,
    ],
    {
      cwd: REPO_ROOT,
      env: {
        ...buildEnvironment(),
        CONTENT_DIR: contentDir,
        BASE_PATH: base,
        SITE_URL: options.site ?? TEST_SITE_URL,
        ...options.env,
        // The network is closed in CI; telemetry would only wait on it.
        ASTRO_TELEMETRY_DISABLED: '1',
        // Plain text, so a failure message is readable in the test report.
        NO_COLOR: '1',
        FORCE_COLOR: '0',
      },
    },
  );
  if (code !== 0) {
    throw new Error(
      `npm run build failed (exit code ${String(code)}) for CONTENT_DIR=${contentDir} ` +
        `BASE_PATH=${base}:\n${output}`,
    );
  }
  buildOutputs.set(outDir, output);
  return outDir;
}

/** What each successful build printed, by output folder. */
const buildOutputs = new Map<string, string>();

/** What the build that wrote `outDir` printed (its warnings among it). */
export function buildOutput(outDir: string): string {
  const output = buildOutputs.get(outDir);
  if (output === undefined) throw new Error(`no build in this process wrote ${outDir}`);
  return output;
}

/**
 * Builds the site from `contentDir` for `base` with the real `npm run build` (Pagefind included) and
 * returns the output folder. A second call with the same content folder and base returns the
 * first build, so test files can ask for a build in each test without paying for it twice.
 * Throws with the build's output when the build fails.
 */
export function buildSite(options: BuildOptions): Promise<string> {
  const contentDir = path.resolve(REPO_ROOT, options.contentDir);
  const key = JSON.stringify([contentDir, options.base]);
  let build = builds.get(key);
  if (build === undefined) {
    build = buildQueue.then(() => runBuild(contentDir, options.base, options));
    builds.set(key, build);
    buildQueue = build.catch(() => undefined);
  }
  return build;
}

/** Deletes every build folder this process made (not a caller's `outDir`). */
export async function removeBuilds(): Promise<void> {
  builds.clear();
  const dirs = [...workDirs];
  workDirs.clear();
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
}

// ---------------------------------------------------------------------------------------------
// Serving the site
// ---------------------------------------------------------------------------------------------

const HTML = 'text/html; charset=utf-8';
const TEXT = 'text/plain; charset=utf-8';

/**
 * Content types by extension, as a static host sends them. Pagefind's index files are binary
 * chunks its script fetches itself; `.wasm` must be application/wasm for streaming compilation.
 */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': HTML,
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': TEXT,
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
  // Pagefind's WebAssembly, gzipped; its script decompresses it before compiling.
  '.pagefind': 'application/octet-stream',
};

export interface StaticServer {
  /** The site's root URL: origin plus base path, such as `http://127.0.0.1:40123/reading-list/`. */
  url: string;
  close(): Promise<void>;
}

type Resolved = { file: string } | { redirect: string } | undefined;

/** Maps a request path to a file under `root`, a redirect, or nothing (404). */
async function resolveRequest(root: string, base: string, pathname: string): Promise<Resolved> {
  // Like a static host, a base path or folder without its trailing slash redirects to it.
  if (`${pathname}/` === base) return { redirect: base };
  if (!pathname.startsWith(base)) return undefined;
  let relative: string;
  try {
    relative = decodeURIComponent(pathname.slice(base.length));
  } catch {
    return undefined;
  }
  const file = path.resolve(root, `./${relative}`);
  if (file !== root && !file.startsWith(root + path.sep)) return undefined;
  try {
    const info = await stat(file);
    if (info.isFile()) return { file };
    if (!info.isDirectory()) return undefined;
    if (!pathname.endsWith('/')) return { redirect: `${pathname}/` };
    const index = path.join(file, 'index.html');
    return (await stat(index)).isFile() ? { file: index } : undefined;
  } catch {
    return undefined;
  }
}

function send(
  response: ServerResponse,
  status: number,
  type: string,
  body: Buffer,
  head: boolean,
): void {
  response.writeHead(status, {
    'Content-Type': type,
    'Content-Length': body.length,
    // Each test sees exactly what is on disk, never a cached copy.
    'Cache-Control': 'no-store',
    // Browsers then trust the content type alone, so a wrong type fails here as on a real host.
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(head ? undefined : body);
}

async function handle(
  root: string,
  base: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const head = request.method === 'HEAD';
  if (request.method !== 'GET' && !head) {
    send(response, 405, TEXT, Buffer.from('Method not allowed'), head);
    return;
  }
  const url = new URL(request.url ?? '/', `http://${LOCAL_HOST}`);
  const resolved = await resolveRequest(root, base, url.pathname);
  if (resolved === undefined) {
    // The site's own 404 page, with the 404 status, as GitHub Pages and Netlify serve it.
    const notFound = path.join(root, '404.html');
    if (existsSync(notFound)) send(response, 404, HTML, await readFile(notFound), head);
    else send(response, 404, TEXT, Buffer.from(`Not found: ${url.pathname}`), head);
  } else if ('redirect' in resolved) {
    response.writeHead(301, { Location: `${resolved.redirect}${url.search}` });
    response.end();
  } else {
    const type = CONTENT_TYPES[path.extname(resolved.file)] ?? 'application/octet-stream';
    send(response, 200, type, await readFile(resolved.file), head);
  }
}

/**
 * Serves the built site in `dir` under `base` on 127.0.0.1 at a free port: files with their
 * content types, a folder's index.html, and the site's 404.html with status 404 for anything else.
 * Hand-written on node:http because a static server for tests is a few dozen lines, and a
 * dependency for it would be one more package to install, audit and keep up to date.
 */
export async function serveStatic(dir: string, base: string): Promise<StaticServer> {
  const root = path.resolve(dir);
  const server = createServer((request, response) => {
    handle(root, base, request, response).catch((error: unknown) => {
      response.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, LOCAL_HOST, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${LOCAL_HOST}:${port}${base}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // The browser keeps connections alive; without this, close() would wait for them.
        server.closeAllConnections();
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
      }),
  };
}
