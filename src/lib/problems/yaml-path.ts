/**
 * Where a value sits in a YAML file, for messages: the line of the node at a path such as
 * `['topics', 3, 'rules', 0]`, as the `yaml` library's parser records it. The data itself is read
 * with js-yaml, as Astro reads it; this only locates what a schema rejected, so it runs on
 * failure only.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

/** `topics[3].rules[0]` from `['topics', 3, 'rules', 0]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) =>
      typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`,
    )
    .join('');
}

/**
 * A function giving the 1-based line of the node at a path in `text`: a key's own line for a
 * field, an item's first line for a list item. When a step cannot be followed (a missing key, an
 * index past the end), the line of the deepest node found; the whole document is line 1. The text
 * is parsed once, on the first call.
 */
export function yamlLines(text: string): (path: readonly PropertyKey[]) => number {
  interface Parsed {
    root: unknown;
    resolve: (node: unknown) => unknown;
    line: (node: Node) => number;
  }
  let parsed: Parsed | undefined;
  const parse = (): Parsed => {
    const counter = new LineCounter();
    const document = parseDocument(text, { lineCounter: counter, prettyErrors: false });
    return {
      root: document.contents,
      resolve: (node) => (isAlias(node) ? node.resolve(document) : node),
      line: (node) => (node.range ? counter.linePos(node.range[0]).line : 1),
    };
  };
  return (path) => {
    parsed ??= parse();
    const { root, resolve, line } = parsed;
    let node = resolve(root);
    let found = 1;
    for (const step of path) {
      if (isMap(node)) {
        const pair = node.items.find(
          (item) => isScalar(item.key) && String(item.key.value) === String(step),
        );
        if (pair === undefined) break;
        found = line(pair.key as Node);
        node = resolve(pair.value);
      } else if (isSeq(node) && typeof step === 'number') {
        const item = resolve(node.items[step]);
        if (item === undefined || item === null) break;
        found = line(item as Node);
        node = item;
      } else break;
    }
    return found;
  };
}

/** The line of the node at `path` in `text`; see `yamlLines`. */
export function lineOfPath(text: string, path: readonly PropertyKey[]): number {
  return yamlLines(text)(path);
}
