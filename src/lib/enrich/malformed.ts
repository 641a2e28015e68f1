/** Answers that are not what a source documents: a JSON or XML body of the wrong shape. */
import type { z } from 'zod';

export class MalformedResponseError extends Error {
  readonly url: string;

  constructor(url: string, detail: string) {
    super(`malformed answer: ${detail}`);
    this.name = 'MalformedResponseError';
    this.url = url;
  }
}

/** `body` parsed as JSON and checked against `shape`; a `MalformedResponseError` otherwise. */
export function parseJsonBody<T>(body: string, url: string, shape: z.ZodType<T>): T {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    throw new MalformedResponseError(
      url,
      `not JSON (starts with ${JSON.stringify(body.slice(0, 40))})`,
    );
  }
  const result = shape.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue === undefined ? '' : ` at ${issue.path.join('.') || 'the top'}`;
    throw new MalformedResponseError(
      url,
      `unexpected JSON${where}: ${issue?.message ?? 'invalid'}`,
    );
  }
  return result.data;
}
