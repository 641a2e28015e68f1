/**
 * A local stand-in for the enrichment sources: an HTTP server on 127.0.0.1 that answers each
 * request from a table of responses written from the sources' documentation
 * (`tests/fixtures/enrich/responses/`). A route is keyed by the path and the request's main
 * parameter (`q`, `id_list`, `search_query` or `filter`); a list of responses is served in turn,
 * the last one repeating.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';

export const responsesDir = new URL('../fixtures/enrich/responses/', import.meta.url);

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  /** A file in tests/fixtures/enrich/responses/. */
  file?: string;
  body?: string;
  /** Holds the answer back this long (for timeouts). */
  delayMs?: number;
}

export interface FakeSources {
  url: string;
  /** Every request received: the route key and its User-Agent. */
  requests: { key: string; userAgent: string; url: string }[];
}

/** The key a request is routed by: `/api/papers/search q=Some title`. */
export function routeKey(url: URL): string {
  for (const name of ['q', 'id_list', 'search_query', 'filter']) {
    const value = url.searchParams.get(name);
    if (value !== null) return `${url.pathname} ${name}=${value}`;
  }
  return url.pathname;
}

/** The text of a response fixture. */
export function fixture(name: string): string {
  return readFileSync(new URL(name, responsesDir), 'utf8');
}

/** Starts a server for the current test; it is closed after the test. */
export function useFakeSources(): (
  routes: Record<string, Reply | Reply[]>,
) => Promise<FakeSources> {
  const servers: { close: () => void }[] = [];
  afterEach(() => {
    for (const server of servers.splice(0)) server.close();
  });
  return async (routes) => {
    const served = new Map<string, number>();
    const requests: FakeSources['requests'] = [];
    const server = createServer((request: IncomingMessage, response: ServerResponse) => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const key = routeKey(url);
      requests.push({ key, userAgent: request.headers['user-agent'] ?? '', url: url.href });
      const route = routes[key];
      const list = route === undefined ? [] : Array.isArray(route) ? route : [route];
      const count = served.get(key) ?? 0;
      served.set(key, count + 1);
      const reply: Reply = list[Math.min(count, list.length - 1)] ?? {
        status: 404,
        body: '{"error":"Not Found"}',
      };
      const send = (): void => {
        if (response.destroyed) return;
        response.writeHead(reply.status ?? 200, reply.headers ?? {});
        response.end(reply.file === undefined ? (reply.body ?? '') : fixture(reply.file));
      };
      if (reply.delayMs === undefined) send();
      else setTimeout(send, reply.delayMs).unref();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push({
      close: () => {
        server.closeAllConnections();
        server.close();
      },
    });
    const { port } = server.address() as AddressInfo;
    return { url: `http://127.0.0.1:${port}`, requests };
  };
}
