/**
 * Headless Chromium for the browser tests, the search benchmark and the Lighthouse audit: the
 * system's Chromium when there is one, else the one shipped inside the npm package
 * @sparticuz/chromium, so nothing is downloaded. See tests/browser/README.md.
 */
import chromium from '@sparticuz/chromium';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { chromium as playwright, type Browser } from 'playwright-core';

const require = createRequire(import.meta.url);

/**
 * Chromium's command line. Chosen from @sparticuz/chromium's recommended `chromium.args` rather
 * than passing them all: those also disable web security and allow mixed content (which would hide
 * exactly the bugs these tests look for), run everything in one process (one crash ends every
 * test), and pass their own --disable-features list, which would replace Playwright's list that
 * stops Chrome's startup requests to Google. Playwright adds its defaults (many overlap) as well.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  // The package ships no setuid sandbox helper, and containers rarely allow user namespaces.
  '--no-sandbox',
  // No GPU in CI; software rendering is enough for layout and accessibility checks.
  '--disable-gpu',
  // A fresh profile each run: no welcome page, no default-browser prompt.
  '--no-first-run',
  '--no-default-browser-check',
  // The tests must see only the site's own requests, and the network may be closed: no
  // background fetches, component updates, sync, reliability reports or hyperlink pings.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-domain-reliability',
  '--no-pings',
  // /dev/shm is tiny in containers; Chromium crashes when it fills up.
  '--disable-dev-shm-usage',
  // From chromium.args: the same glyph metrics on every machine.
  '--font-render-hinting=none',
];

/** Where @sparticuz/chromium extracts its files; its executablePath() always uses this folder. */
const EXTRACT_DIR = tmpdir();

/**
 * Runs `action` while holding a lock folder. @sparticuz/chromium extracts the browser into
 * /tmp/chromium and treats an existing file as done, so two test workers extracting at once on a
 * fresh machine could launch a half-written binary; the lock makes the second wait.
 */
async function withLock<T>(lockDir: string, action: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      await mkdir(lockDir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (Date.now() > deadline) {
        throw new Error(`Waited 2 minutes for ${lockDir}; remove it if no test run holds it.`, {
          cause: error,
        });
      }
      await delay(200);
    }
  }
  try {
    return await action();
  } finally {
    await rm(lockDir, { recursive: true, force: true });
  }
}

/** The Chromium major version the installed @sparticuz/chromium package ships. */
async function packagedChromiumMajor(): Promise<string> {
  const entry = require.resolve('@sparticuz/chromium');
  const manifest = path.join(path.dirname(entry), '..', 'package.json');
  const { version } = JSON.parse(await readFile(manifest, 'utf8')) as { version: string };
  return version.split('.')[0] ?? version;
}

/** Extracts (once per machine) and returns the path of the Chromium inside @sparticuz/chromium. */
export async function chromiumExecutable(): Promise<string> {
  return withLock(path.join(EXTRACT_DIR, 'reading-list-chromium.lock'), () =>
    chromium.executablePath(),
  );
}

/**
 * Writes a fontconfig file naming the machine's own fonts and the package's Open Sans (extracted
 * to /tmp/fonts). The system fonts make pages look as they do for a reader (Open Sans alone has no
 * math italic letters, so MathML variables would be blank); Open Sans makes text render at all on
 * a bare CI machine without any fonts.
 */
async function writeFontConfig(): Promise<string> {
  const dir = path.join(EXTRACT_DIR, 'reading-list-fontconfig');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, 'fonts.conf');
  // Written aside and renamed, so a browser starting in another test process never reads half.
  const staged = `${file}.${process.pid}`;
  await writeFile(
    staged,
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>${path.join(EXTRACT_DIR, 'fonts')}</dir>
  <cachedir>${path.join(dir, 'cache')}</cachedir>
</fontconfig>
`,
  );
  await rename(staged, file);
  return file;
}

/**
 * A system Chromium, when one is installed: `CHROMIUM_PATH`, or Debian's `/usr/bin/chromium`.
 * Preferred over the packaged one because @sparticuz/chromium unpacks into one temporary folder
 * shared by every program on the machine, where another version may already sit.
 */
export function systemChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'];
  return candidates.find((file): file is string => file !== undefined && existsSync(file));
}

/** Launches headless Chromium (the system's, else the packaged one). Close it in afterAll. */
export async function launchBrowser(): Promise<Browser> {
  const system = systemChromium();
  const executablePath = system ?? (await chromiumExecutable());
  const browser = await playwright.launch({
    executablePath,
    args: [...CHROMIUM_ARGS],
    headless: true,
    timeout: 60_000,
    env: { ...process.env, FONTCONFIG_FILE: await writeFontConfig() },
  });
  if (system) return browser;
  // executablePath() reuses any /tmp/chromium; make sure it is the version this package ships.
  const expected = await packagedChromiumMajor();
  if (!browser.version().startsWith(`${expected}.`)) {
    const found = browser.version();
    await browser.close();
    throw new Error(
      `${executablePath} is Chromium ${found}, but @sparticuz/chromium ships ${expected}; ` +
        `delete ${executablePath} so the package extracts its own.`,
    );
  }
  return browser;
}
