/**
 * One writer at a time on a papers folder: the lock file, waiting for it, taking over a lock whose
 * process is gone, and two imports started at once that together lose nothing.
 */
import { spawnSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  acquireRunLock,
  LOCK_FILE,
  LockedError,
  withRunLock,
  type LockOwner,
} from '../src/lib/command/run-lock.ts';
import { runScript } from './helpers/cli.ts';
import { sourcesDir } from './helpers/paths.ts';
import { snapshotDir, useTempDirs } from './helpers/temp.ts';

const newTempDir = useTempDirs();

/** The id of a process that has exited, as a crashed run leaves in its lock. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(child.stdout);
}

function lockOf(pid: number, command = 'npm run import'): LockOwner {
  return { pid, command, started: '2026-12-01T10:00:00.000Z', host: hostname(), token: 'abc' };
}

describe('the run lock', () => {
  it('holds the owner’s process id and command, and is gone once released', async () => {
    const dir = await newTempDir('lock');
    const lock = await acquireRunLock(dir, 'npm run import');
    const owner = JSON.parse(await readFile(path.join(dir, LOCK_FILE), 'utf8')) as LockOwner;
    expect(owner).toMatchObject({ pid: process.pid, command: 'npm run import' });
    await lock.release();
    expect(await readdir(dir)).toEqual([]);
  });

  it('stops a second run with a message naming the run that holds the folder', async () => {
    const dir = await newTempDir('lock-held');
    const lock = await acquireRunLock(dir, 'npm run import');
    const second = acquireRunLock(dir, 'npm run new', { waitMs: 300, pollMs: 50 });
    await expect(second).rejects.toBeInstanceOf(LockedError);
    await expect(second).rejects.toThrow(
      new RegExp(
        `^${dir.replaceAll('\\', '\\\\')} is in use by \`npm run import\` \\(process ${process.pid}, started .*\\); waited 0 s for it to finish\\. Run again once it has finished; if no such run is going on, delete .*\\.lock\\.$`,
      ),
    );
    await lock.release();
  });

  it('lets a waiting run in as soon as the first releases, in order', async () => {
    const dir = await newTempDir('lock-wait');
    const order: string[] = [];
    let waited = false;
    const first = await acquireRunLock(dir, 'npm run import');
    const second = withRunLock(
      dir,
      'npm run enrich',
      () => {
        order.push('second');
        return Promise.resolve();
      },
      {
        pollMs: 20,
        onWait: (owner) => {
          waited = owner?.command === 'npm run import';
        },
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    order.push('first');
    await first.release();
    await second;
    expect(order).toEqual(['first', 'second']);
    expect(waited).toBe(true);
    expect(await readdir(dir)).toEqual([]);
  });

  it('takes over a lock whose process is gone', async () => {
    const dir = await newTempDir('lock-stale');
    await writeFile(path.join(dir, LOCK_FILE), JSON.stringify(lockOf(deadPid())));
    const lock = await acquireRunLock(dir, 'npm run new', { waitMs: 0 });
    const owner = JSON.parse(await readFile(path.join(dir, LOCK_FILE), 'utf8')) as LockOwner;
    expect(owner.pid).toBe(process.pid);
    await lock.release();
  });

  it('takes over a damaged lock file, but only after giving its writer a moment', async () => {
    const dir = await newTempDir('lock-damaged');
    await writeFile(path.join(dir, LOCK_FILE), '{"pid": 12');
    const lock = await acquireRunLock(dir, 'npm run import', { pollMs: 50 });
    expect(await readFile(path.join(dir, LOCK_FILE), 'utf8')).toContain(`"pid":${process.pid}`);
    await lock.release();
  });

  it('never removes a lock that another run holds', async () => {
    const dir = await newTempDir('lock-other');
    const lock = await acquireRunLock(dir, 'npm run import');
    const theirs = `${JSON.stringify(lockOf(process.pid, 'npm run enrich'))}\n`;
    await writeFile(path.join(dir, LOCK_FILE), theirs);
    await lock.release();
    expect(await readFile(path.join(dir, LOCK_FILE), 'utf8')).toBe(theirs);
  });

  it('is released when the task fails', async () => {
    const dir = await newTempDir('lock-fail');
    await expect(
      withRunLock(dir, 'npm run import', () => Promise.reject(new Error('disk full'))),
    ).rejects.toThrow('disk full');
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('two imports at once', () => {
  it('lose nothing: the folder ends as if they had run one after the other', async () => {
    const dir = await newTempDir('import-concurrent');
    const listings = [
      '2026-11-22-hf-papers-blocks.txt',
      '2026-11-22-hf-papers-title-abstract-lines.txt',
    ].map((name) => path.join(sourcesDir, name));
    const together = path.join(dir, 'together');
    const runs = await Promise.all(
      listings.map((listing) => runScript('import.ts', ['--out', together, listing])),
    );
    for (const run of runs) expect(run.code, run.stderr).toBe(0);

    const inTurn = path.join(dir, 'in-turn');
    for (const listing of listings)
      expect((await runScript('import.ts', ['--out', inTurn, listing])).code).toBe(0);
    const expected = await snapshotDir(inTurn);
    // Many papers are in both listings: each must carry both in `sources`, in one file.
    expect(
      [...expected.values()].filter((text) => text.includes('blocks.txt"\n  - "2026')).length,
    ).toBeGreaterThan(10);
    expect(await snapshotDir(together)).toEqual(expected);
  });
});
