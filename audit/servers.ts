/**
 * Starts real nginx and Caddy on 127.0.0.1 with the configurations shipped in `deploy/`, serving a
 * built site under its base path. The shipped file is used as it is, with three lines changed: the
 * address it listens on, the document root and (for Caddy) the global options that keep it from
 * touching anything outside a temporary folder. Used by the real-server tests and `npm run audit`.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DOCUMENT_ROOT, SERVER_NAME, SHIPPED_SUB_PATH } from '../src/lib/hosting/servers.ts';

/** The repository's `deploy/` folder. */
export const DEPLOY_DIR = fileURLToPath(new URL('../deploy/', import.meta.url));

export type ServerKind = 'nginx' | 'caddy';

export interface ServerOptions {
  /**
   * Serve HTTPS with HTTP/2, as every public static host does, with a certificate made for the
   * run (a browser must be told to accept it). Plain HTTP/1.1 otherwise, which browsers fetch over
   * at most six connections at a time, so a page of many small requests looks slower than it is.
   */
  tls?: boolean;
}

export interface RunningServer {
  /** The site's root URL, such as `http://127.0.0.1:40123/reading-list/`. */
  url: string;
  /** Stops the server and removes its temporary folder. */
  close(): Promise<void>;
}

/** The shipped configuration file for a base path: deploy/ for `/`, deploy/sub-path/ for its path. */
export function shippedConfig(kind: ServerKind, base: string): string {
  const file = kind === 'nginx' ? 'nginx.conf' : 'Caddyfile';
  if (base === '/') return path.join(DEPLOY_DIR, file);
  if (base === SHIPPED_SUB_PATH) return path.join(DEPLOY_DIR, 'sub-path', file);
  throw new Error(
    `deploy/ ships configurations for / and ${SHIPPED_SUB_PATH} only, not for ${base}; ` +
      'write one with npm run deploy-config -- --base PATH --out DIR',
  );
}

/** Where a server binary may be: on PATH, or in the sbin folders a normal user's PATH lacks. */
function findBinary(name: string): string | undefined {
  const folders = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/sbin', '/usr/bin'];
  return folders
    .filter((folder) => folder !== '')
    .map((folder) => path.join(folder, name))
    .find((file) => existsSync(file));
}

/** The binary, or an error that says how to install it. Nothing is skipped without it. */
export function requireBinary(name: ServerKind): string {
  const found = findBinary(name);
  if (found !== undefined) return found;
  throw new Error(
    `${name} is not installed, and the real-server tests and npm run audit need it: install ` +
      `Debian's package (apt-get install ${name}; .ci/run does this when it runs as root).`,
  );
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
  });
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

/** `text` with `from` replaced by `to`, which must occur exactly once. */
function replaceOnce(text: string, from: string, to: string, file: string): string {
  const parts = text.split(from);
  if (parts.length !== 2) {
    throw new Error(`${file} should contain "${from}" exactly once to be served in a test`);
  }
  return parts.join(to);
}

/**
 * A document root holding the site at its base path: for `/reading-list/`, a folder whose
 * `reading-list` entry links to the build. Links rather than a copy: builds of the real list hold
 * thousands of files.
 */
async function documentRoot(work: string, site: string, base: string): Promise<string> {
  if (base === '/') return path.resolve(site);
  const root = path.join(work, 'www');
  const target = path.join(root, base.slice(1, -1));
  await mkdir(path.dirname(target), { recursive: true });
  await symlink(path.resolve(site), target, 'dir');
  return root;
}

/** Resolves once `url` answers at all; the certificate of an HTTPS test server is its own. */
async function answers(url: string): Promise<void> {
  if (url.startsWith('http:')) {
    await fetch(url, { signal: AbortSignal.timeout(1_000) });
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const probe = request(url, { rejectUnauthorized: false, timeout: 1_000 }, (response) => {
      response.resume();
      resolve();
    });
    probe.on('timeout', () => probe.destroy(new Error('timed out')));
    probe.on('error', reject);
    probe.end();
  });
}

const run = promisify(execFile);

/**
 * A self-signed certificate for 127.0.0.1, valid for a day, made with the openssl command (Node
 * can sign but not build an X.509 certificate). Returns the certificate and key files.
 */
async function testCertificate(work: string): Promise<{ cert: string; key: string }> {
  const cert = path.join(work, 'cert.pem');
  const key = path.join(work, 'key.pem');
  try {
    await run('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      key,
      '-out',
      cert,
    ]);
  } catch (error) {
    throw new Error(
      `could not make a certificate for HTTPS with openssl (apt-get install openssl): ${(error as Error).message}`,
      { cause: error },
    );
  }
  return { cert, key };
}

async function waitUntilServing(url: string, child: ChildProcess, log: () => Promise<string>) {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the server exited at start:\n${await log()}`);
    }
    try {
      await answers(url);
      return;
    } catch {
      await delay(100);
    }
  }
  child.kill();
  throw new Error(`the server did not answer at ${url} within 15 s:\n${await log()}`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => {
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function nginxFiles(
  work: string,
  root: string,
  port: number,
  base: string,
  tls: { cert: string; key: string } | undefined,
) {
  const shipped = shippedConfig('nginx', base);
  let site = await readFile(shipped, 'utf8');
  const listen =
    tls === undefined
      ? `listen 127.0.0.1:${port};`
      : `listen 127.0.0.1:${port} ssl http2;\n    ssl_certificate ${tls.cert};\n    ssl_certificate_key ${tls.key};`;
  site = replaceOnce(site, 'listen 80;', listen, shipped);
  site = replaceOnce(site, `root ${DOCUMENT_ROOT};`, `root ${root};`, shipped);
  await writeFile(path.join(work, 'site.conf'), site);
  // The shipped file includes nginx's own mime.types, relative to the main configuration.
  await copyFile(requireMimeTypes(), path.join(work, 'mime.types'));
  const temp = (name: string) => path.join(work, name);
  // Workers run as the user nginx starts as; as root they would otherwise become `nobody`, who may
  // not read a build inside someone's home or a private temporary folder.
  const user = process.getuid?.() === 0 ? 'user root;\n' : '';
  await writeFile(
    path.join(work, 'nginx.conf'),
    `${user}worker_processes 1;
daemon off;
pid ${temp('nginx.pid')};
error_log ${temp('error.log')} warn;
events { worker_connections 256; }
http {
    access_log off;
    client_body_temp_path ${temp('client_body')};
    proxy_temp_path ${temp('proxy')};
    fastcgi_temp_path ${temp('fastcgi')};
    uwsgi_temp_path ${temp('uwsgi')};
    scgi_temp_path ${temp('scgi')};
    include site.conf;
}
`,
  );
}

function requireMimeTypes(): string {
  const file = '/etc/nginx/mime.types';
  if (!existsSync(file)) throw new Error(`${file} is missing; reinstall Debian's nginx package`);
  return file;
}

async function caddyFile(
  work: string,
  root: string,
  port: number,
  base: string,
  tls: { cert: string; key: string } | undefined,
) {
  const shipped = shippedConfig('caddy', base);
  let site = await readFile(shipped, 'utf8');
  const address =
    tls === undefined
      ? `http://127.0.0.1:${port} {`
      : `https://127.0.0.1:${port} {\n\ttls ${tls.cert} ${tls.key}`;
  site = replaceOnce(site, `${SERVER_NAME} {`, address, shipped);
  site = replaceOnce(site, `root * ${DOCUMENT_ROOT}`, `root * ${root}`, shipped);
  // No admin endpoint (it would take port 2019, shared by every Caddy on the machine), and no
  // certificates but the test's own.
  await writeFile(path.join(work, 'Caddyfile'), `{\n\tadmin off\n\tauto_https off\n}\n${site}`);
}

/**
 * Starts `kind` on a free port of 127.0.0.1 with the shipped configuration for `base` (over HTTPS
 * and HTTP/2 with `options.tls`), serving the
 * built site in `site`. Fails, rather than skipping anything, when the server is not installed,
 * the configuration is rejected or the server does not answer.
 */
export async function startServer(
  kind: ServerKind,
  site: string,
  base: string,
  options: ServerOptions = {},
): Promise<RunningServer> {
  const binary = requireBinary(kind);
  const work = await mkdtemp(path.join(tmpdir(), `reading-list-${kind}-`));
  const root = await documentRoot(work, site, base);
  const port = await freePort();
  const tls = options.tls === true ? await testCertificate(work) : undefined;
  let child: ChildProcess;
  let logFile: string;
  if (kind === 'nginx') {
    await nginxFiles(work, root, port, base, tls);
    logFile = path.join(work, 'error.log');
    child = spawn(binary, ['-p', work, '-c', path.join(work, 'nginx.conf'), '-e', logFile], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  } else {
    await caddyFile(work, root, port, base, tls);
    logFile = path.join(work, 'caddy.log');
    child = spawn(
      binary,
      ['run', '--config', path.join(work, 'Caddyfile'), '--adapter', 'caddyfile'],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
        // Caddy keeps certificates and autosaved configuration there.
        env: { ...process.env, XDG_DATA_HOME: work, XDG_CONFIG_HOME: work, HOME: work },
      },
    );
  }
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const log = async () => {
    const file = existsSync(logFile) ? await readFile(logFile, 'utf8') : '';
    return `${stderr}${file}`.trim();
  };
  const url = `${tls === undefined ? 'http' : 'https'}://127.0.0.1:${port}${base}`;
  try {
    await waitUntilServing(url, child, log);
  } catch (error) {
    await stop(child);
    await rm(work, { recursive: true, force: true });
    throw new Error(`${kind} with ${shippedConfig(kind, base)}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return {
    url,
    close: async () => {
      await stop(child);
      await rm(work, { recursive: true, force: true });
    },
  };
}
