import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import { createHttp, HttpError, retryAfterMs } from '../../src/lib/enrich/http.ts';
import { useFakeSources } from '../helpers/enrich-server.ts';

const start = useFakeSources();
const fast = {
  userAgent: 'reading-list-test (mailto:test@example.org)',
  retries: 2,
  backoffMs: 1,
  timeoutMs: 500,
};

describe('the HTTP helper', () => {
  it('sends the User-Agent and returns the body of a 200', async () => {
    const server = await start({ '/ok': { body: 'fine' } });
    const response = await createHttp(fast).get(`${server.url}/ok`, 'text/plain');
    expect(response).toEqual({ status: 200, body: 'fine' });
    expect(server.requests[0]?.userAgent).toBe(fast.userAgent);
  });

  it('waits as long as Retry-After asks after a 429, then returns the answer', async () => {
    const server = await start({
      '/busy': [{ status: 429, headers: { 'retry-after': '2' } }, { body: 'after the wait' }],
    });
    const waits: number[] = [];
    const http = createHttp({
      ...fast,
      sleep: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
    });
    expect((await http.get(`${server.url}/busy`, 'text/plain')).body).toBe('after the wait');
    expect(waits).toEqual([2000]);
    expect(server.requests).toHaveLength(2);
  });

  it('refuses to wait longer than its cap for a 429', async () => {
    const server = await start({ '/busy': { status: 429, headers: { 'retry-after': '3600' } } });
    const http = createHttp({ ...fast, maxRetryAfterMs: 10_000 });
    await expect(http.get(`${server.url}/busy`, 'text/plain')).rejects.toThrow(
      /asks to wait 3600 s/,
    );
    expect(server.requests).toHaveLength(1);
  });

  it('retries a 500 with growing waits, then gives up with the status', async () => {
    const server = await start({ '/down': { status: 500, body: 'oops' } });
    const waits: number[] = [];
    const http = createHttp({
      ...fast,
      backoffMs: 100,
      sleep: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
    });
    const error = await http
      .get(`${server.url}/down`, 'text/plain')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(500);
    expect((error as Error).message).toBe('HTTP 500 after 3 attempts');
    expect(waits).toEqual([100, 200]);
    expect(server.requests).toHaveLength(3);
  });

  it('recovers when a 503 is followed by an answer', async () => {
    const server = await start({ '/flaky': [{ status: 503 }, { body: 'back' }] });
    expect((await createHttp(fast).get(`${server.url}/flaky`, 'text/plain')).body).toBe('back');
  });

  it('gives up on a server that does not answer in time', async () => {
    const server = await start({ '/slow': { body: 'too late', delayMs: 5000 } });
    const http = createHttp({ ...fast, timeoutMs: 100, retries: 1 });
    await expect(http.get(`${server.url}/slow`, 'text/plain')).rejects.toThrow(
      'no answer within 0.1 s after 2 attempts',
    );
    // The second request may reach the server just after the client has given up on it.
    await vi.waitFor(() => {
      expect(server.requests).toHaveLength(2);
    });
  });

  it('returns a 404 as a missing record and does not retry other 4xx', async () => {
    const server = await start({ '/bad': { status: 400, body: 'bad request' } });
    const http = createHttp(fast);
    expect(await http.get(`${server.url}/missing`, 'text/plain')).toEqual({
      status: 404,
      body: '',
    });
    await expect(http.get(`${server.url}/bad`, 'text/plain')).rejects.toThrow(
      'HTTP 400 (not retried)',
    );
    expect(server.requests.filter((request) => request.key === '/bad')).toHaveLength(1);
  });

  it('reports a host that refuses connections', async () => {
    // A port that was free a moment ago: nothing listens there.
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as AddressInfo;
        probe.close(() => {
          resolve(free);
        });
      });
    });
    const http = createHttp({ ...fast, retries: 0 });
    await expect(http.get(`http://127.0.0.1:${port}/nothing`, 'text/plain')).rejects.toThrow(
      'ECONNREFUSED after 1 attempts',
    );
  });

  it('spaces requests to a paced host, and only that host', async () => {
    const server = await start({ '/a': { body: 'a' } });
    let clock = 0;
    const waits: number[] = [];
    const host = new URL(server.url).host;
    const http = createHttp({
      ...fast,
      minIntervalMs: { [host]: 3000 },
      now: () => clock,
      sleep: (ms) => {
        waits.push(ms);
        clock += ms;
        return Promise.resolve();
      },
    });
    await http.get(`${server.url}/a`, 'text/plain');
    clock += 1000;
    await http.get(`${server.url}/a`, 'text/plain');
    await http.get(`${server.url}/a`, 'text/plain');
    expect(waits).toEqual([2000, 3000]);
  });
});

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates, and ignores nonsense', () => {
    const now = Date.parse('2026-12-01T00:00:00Z');
    expect(retryAfterMs('7', now)).toBe(7000);
    expect(retryAfterMs('Tue, 01 Dec 2026 00:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });
});
