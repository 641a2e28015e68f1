/**
 * The first lines of an abstract for lists: whole sentences up to about `limit` characters,
 * or the first words with an ellipsis when the first sentence alone is longer.
 */
export function excerpt(abstract: string, limit = 240): string {
  const text = abstract.replace(/\s+/g, ' ').trim();
  if (text.length <= limit) return text;
  let end = 0;
  const sentenceEnd = /[.!?](?=\s+[A-Z0-9])/g;
  for (let match = sentenceEnd.exec(text); match !== null; match = sentenceEnd.exec(text)) {
    if (match.index + 1 > limit) break;
    end = match.index + 1;
  }
  if (end >= limit / 2) return text.slice(0, end);
  const cut = text.lastIndexOf(' ', limit - 1);
  return `${text.slice(0, cut > 0 ? cut : limit - 1).replace(/[\s,;:.-]+$/, '')}…`;
}
