/**
 * One writer at a time: `npm run import`, `npm run new` and `npm run enrich` each hold a lock on
 * the papers folder while they read it, plan and write, so a second run waits for the first and
 * then sees its papers, instead of both planning from the same old files and one overwriting the
 * other's work.
 *
 * The lock is a file, `.lock` in the papers folder, created with `O_EXCL` (which the file system
 * guarantees only one process wins) and holding the owner's process id, command and start time.
 * A lock whose process is gone (killed, crashed, the machine restarted) is stale and is taken
 * over. Written here rather than taken from a package: `proper-lockfile` and its kin judge
 * staleness by the file's age, which a long import would exceed; the process id says whether the
 * owner still runs. Hidden files are not content, so the checker and the site ignore the lock.
 */
import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { readFileSync, rmdirSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

/** The lock's file name inside the folder it guards. */
export const LOCK_FILE = '.lock';

/** What the lock file says about its owner. */
export interface LockOwner {
  pid: number;
  /** The command that holds it, such as `npm run import`. */
  command: string;
  /** When it was taken, as an ISO date-time. */
  started: string;
  host: string;
  /** Tells this lock apart from a later one of a process with the same id. */
  token: string;
}

export interface LockOptions {
  /** How long to wait for another run to finish, in milliseconds (default two minutes; 0: do not wait). */
  waitMs?: number;
  /** How often to look again while waiting, in milliseconds. */
  pollMs?: number;
  /** Called once when the folder is locked by another run and this one starts waiting. */
  onWait?: (owner: LockOwner | undefined) => void;
}

/** The folder is locked by another run that did not finish in time. */
export class LockedError extends Error {
  readonly owner: LockOwner | undefined;

  constructor(file: string, owner: LockOwner | undefined, waitedMs: number) {
    const who =
      owner === undefined
        ? 'another run'
        : `\`${owner.command}\` (process ${owner.pid}${owner.host === hostname() ? '' : ` on ${owner.host}`}, started ${owner.started})`;
    super(
      `${path.dirname(file)} is in use by ${who}` +
        (waitedMs > 0 ? `; waited ${Math.round(waitedMs / 1000)} s for it to finish` : '') +
        `. Run again once it has finished; if no such run is going on, delete ${file}.`,
    );
    this.name = 'LockedError';
    this.owner = owner;
  }
}

/** A held lock; `release` is safe to call more than once. */
export interface RunLock {
  readonly file: string;
  release(): Promise<void>;
}

function parseOwner(text: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(text) as Partial<LockOwner>;
    return typeof owner.pid === 'number' && typeof owner.token === 'string'
      ? (owner as LockOwner)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the process that wrote `owner` may still run; a lock of another machine is never judged stale. */
export function ownerAlive(owner: LockOwner | undefined): boolean {
  if (owner === undefined) return false;
  if (owner.host !== hostname()) return true;
  if (owner.pid === process.pid) return true;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readOwner(file: string): Promise<{ text: string } | undefined> {
  try {
    return { text: await readFile(file, 'utf8') };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Removes a stale lock without removing a fresh one that replaced it meanwhile: the lock is first
 * renamed aside (atomic), and put back if what was moved is not the stale lock that was read.
 */
async function breakStaleLock(file: string, staleText: string): Promise<void> {
  const aside = `${file}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await rename(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = await readOwner(aside);
  if (moved !== undefined && moved.text !== staleText) {
    // A live run took the lock between the read and the rename: hand it back (link fails if yet
    // another run holds the name now, which then is the lock).
    await link(aside, file).catch(() => undefined);
  }
  await rm(aside, { force: true });
}

/** The release that runs when the process exits before `release` was called (fail(), an exception). */
function releaseOnExit(file: string, token: string, createdDir: string | undefined): () => void {
  const release = (): void => {
    try {
      if (parseOwner(readFileSync(file, 'utf8'))?.token === token) rmSync(file, { force: true });
      if (createdDir !== undefined) rmdirSync(createdDir);
    } catch {
      // Already gone, or the folder now holds papers: nothing more to release.
    }
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    release();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.kill(process.pid, signal);
  };
  process.on('exit', release);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return () => {
    process.off('exit', release);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    release();
  };
}

/**
 * Takes the lock of `dir` for `command`, waiting while another live run holds it. Throws a
 * `LockedError` when the wait runs out.
 */
export async function acquireRunLock(
  dir: string,
  command: string,
  options: LockOptions = {},
): Promise<RunLock> {
  const waitMs = options.waitMs ?? 120_000;
  const pollMs = options.pollMs ?? 200;
  const file = path.join(dir, LOCK_FILE);
  const owner: LockOwner = {
    pid: process.pid,
    command,
    started: new Date().toISOString(),
    host: hostname(),
    token: randomBytes(8).toString('hex'),
  };
  // A folder made only to hold the lock is removed again if the run writes nothing into it.
  const created = await mkdir(dir, { recursive: true });
  const begun = Date.now();
  let waiting = false;
  for (;;) {
    try {
      const handle = await open(file, 'wx');
      try {
        await handle.writeFile(`${JSON.stringify(owner)}\n`, 'utf8');
      } finally {
        await handle.close();
      }
      const release = releaseOnExit(file, owner.token, created === undefined ? undefined : dir);
      let released = false;
      return {
        file,
        release: () => {
          if (!released) release();
          released = true;
          return Promise.resolve();
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const current = await readOwner(file);
    if (current === undefined) continue;
    const holder = parseOwner(current.text);
    // A lock file without an owner is one being written this instant, or a damaged one: give the
    // writer a moment, then treat it as stale like a lock of a process that is gone.
    if (!ownerAlive(holder) && (holder !== undefined || Date.now() - begun > 2_000)) {
      await breakStaleLock(file, current.text);
      continue;
    }
    const waited = Date.now() - begun;
    if (waited >= waitMs) throw new LockedError(file, holder, waited);
    if (!waiting) {
      waiting = true;
      options.onWait?.(holder);
    }
    await delay(Math.min(pollMs, Math.max(1, waitMs - waited)));
  }
}

/** Runs `task` while holding the lock of `dir`, and releases it however the task ends. */
export async function withRunLock<T>(
  dir: string,
  command: string,
  task: () => Promise<T>,
  options: LockOptions = {},
): Promise<T> {
  const lock = await acquireRunLock(dir, command, options);
  try {
    return await task();
  } finally {
    await lock.release();
  }
}

/** The line a command prints when it starts waiting for another run. */
export function waitingMessage(dir: string, owner: LockOwner | undefined): string {
  const who = owner === undefined ? 'another run' : `\`${owner.command}\` (process ${owner.pid})`;
  return `${dir} is in use by ${who}; waiting for it to finish…`;
}
