/**
 * A remark plugin that makes Markdown read an abstract as plain text: paragraphs (and, with
 * remark-math, `$…$` math) are the only structure it recognises. Everything that would otherwise
 * become markup (raw HTML, links, images, emphasis, headings, lists, code, character escapes and
 * references) stays literal text, so `<script>` or `[x](javascript:…)` in an abstract is shown,
 * never run. micromark's own `disable` extension does the work; this only names the constructs.
 */
import type { Extension } from 'micromark-util-types';
import type { Processor } from 'unified';

/** micromark constructs turned off for abstracts. */
export const DISABLED_CONSTRUCTS = [
  'attention',
  'autolink',
  'blockQuote',
  'characterEscape',
  'characterReference',
  'codeFenced',
  'codeIndented',
  'codeText',
  'definition',
  'hardBreakEscape',
  'headingAtx',
  'htmlFlow',
  'htmlText',
  'labelStartImage',
  'labelStartLink',
  'labelEnd',
  'list',
  'setextUnderline',
  'thematicBreak',
] as const;

const literalText: Extension = { disable: { null: [...DISABLED_CONSTRUCTS] } };

/** Adds the extension to the processor's micromark extensions. */
export default function remarkLiteralText(this: Processor): void {
  const data = this.data();
  data.micromarkExtensions = [...(data.micromarkExtensions ?? []), literalText];
}
