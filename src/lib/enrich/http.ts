/**
 * The one way the enrichment clients reach the network: GET with a timeout, bounded retries with
 * exponential backoff on timeouts, network errors, HTTP 429 (waiting as long as `Retry-After`
 * asks, up to a cap) and 5xx, and a minimum interval between requests to the same host (arXiv
 * asks for one request every three seconds). Built on Node's own `fetch`; the retry and pacing
 * policy is small and specific to these APIs, which is why it is written here rather than taken
 * from a general-purpose library.
 */

/** Why a request failed for good, after its retries. */
export class HttpError extends Error {
  readonly url: string;
  /** The last HTTP status, when the server answered at all. */
  readonly status: number | undefined;

  constructor(url: string, message: string, status?: number) {
    super(message);
    this.name = 'HttpError';
    this.url = url;
    this.status = status;
  }
}

export interface HttpOptions {
  /** Sent with every request: the project's name and a contact address. */
  userAgent: string;
  /** How long one attempt may take, body included; 20 s by default. */
  timeoutMs?: number;
  /** Attempts after the first; 3 by default. */
  retries?: number;
  /** The wait before the first retry, doubled before each next one; 1 s by default. */
  backoffMs?: number;
  /** The longest `Retry-After` honoured; a longer one ends the request; 120 s by default. */
  maxRetryAfterMs?: number;
  /** The least time between two requests to a host, by host name (`export.arxiv.org`). */
  minIntervalMs?: Readonly<Record<string, number>>;
  /** For tests: the clock and the sleep. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface HttpResponse {
  status: number;
  body: string;
}

export interface Http {
  /**
   * The body of a 2xx answer, or `{ status: 404 }` for a record that does not exist. Any other
   * outcome, once the retries are spent, is an `HttpError`.
   */
  get(url: string, accept: string): Promise<HttpResponse>;
}

/** `Retry-After` as milliseconds: delay-seconds or an HTTP date; undefined when absent or bad. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (header === null) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const defaultSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

export function createHttp(options: HttpOptions): Http {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const retries = options.retries ?? 3;
  const backoffMs = options.backoffMs ?? 1000;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 120_000;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const nextSlot = new Map<string, number>();

  /** Waits for the host's next free slot and books the one after it. */
  const pace = async (host: string): Promise<void> => {
    const interval = options.minIntervalMs?.[host] ?? 0;
    const wait = (nextSlot.get(host) ?? 0) - now();
    if (wait > 0) await sleep(wait);
    nextSlot.set(host, now() + interval);
  };

  const attempt = async (
    url: string,
    accept: string,
  ): Promise<{ response: HttpResponse; retryAfter: string | null } | { failure: string }> => {
    try {
      const response = await fetch(url, {
        headers: { 'user-agent': options.userAgent, accept },
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'follow',
      });
      const body = await response.text();
      return {
        response: { status: response.status, body },
        retryAfter: response.headers.get('retry-after'),
      };
    } catch (error) {
      const name = (error as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError')
        return { failure: `no answer within ${timeoutMs / 1000} s` };
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      return { failure: cause?.code ?? cause?.message ?? (error as Error).message };
    }
  };

  return {
    async get(url, accept) {
      const host = new URL(url).host;
      let last = '';
      let lastStatus: number | undefined;
      for (let round = 0; round <= retries; round += 1) {
        await pace(host);
        const outcome = await attempt(url, accept);
        let wait = backoffMs * 2 ** round;
        if ('failure' in outcome) {
          last = outcome.failure;
          lastStatus = undefined;
        } else {
          const { response, retryAfter } = outcome;
          if ((response.status >= 200 && response.status < 300) || response.status === 404)
            return response.status === 404 ? { status: 404, body: '' } : response;
          lastStatus = response.status;
          last = `HTTP ${response.status}`;
          if (response.status !== 429 && response.status < 500)
            throw new HttpError(url, `${last} (not retried)`, response.status);
          const asked = response.status === 429 ? retryAfterMs(retryAfter, now()) : undefined;
          if (asked !== undefined) {
            if (asked > maxRetryAfterMs) {
              throw new HttpError(
                url,
                `HTTP 429: the server asks to wait ${Math.ceil(asked / 1000)} s, more than the ${maxRetryAfterMs / 1000} s this run waits`,
                429,
              );
            }
            wait = Math.max(wait, asked);
          }
        }
        if (round < retries) await sleep(wait);
      }
      throw new HttpError(url, `${last} after ${retries + 1} attempts`, lastStatus);
    },
  };
}
