/** Wording shared by messages, pages and citations. */

/** `1 paper`, `2 papers`: a count and its noun, plural unless the count is one. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
