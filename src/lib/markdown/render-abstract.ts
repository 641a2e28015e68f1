/**
 * Renders an abstract (a paper file's Markdown body) to HTML: paragraphs and `$…$` math only,
 * everything else literal text. Math is rendered to MathML, which browsers display natively, so
 * pages need neither KaTeX's stylesheet nor its fonts; what math may do is limited by
 * ./math-policy.ts.
 */
import { toHtml } from 'hast-util-to-html';
import rehypeKatex from 'rehype-katex';
import rehypeStringify from 'rehype-stringify';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { KATEX_OPTIONS, rehypeMathAllowList, rehypeMathCleanup } from './math-policy.ts';
import remarkLiteralText from './remark-literal-text.ts';

const processor = unified()
  .use(remarkParse)
  .use(remarkLiteralText)
  .use(remarkMath)
  .use(remarkRehype)
  .use(rehypeMathAllowList)
  .use(rehypeKatex, KATEX_OPTIONS)
  .use(rehypeMathCleanup)
  .use(rehypeStringify)
  .freeze();

/**
 * Text the pipeline would turn into exactly one paragraph holding that text: one line, no math,
 * no white space at either end and no control characters. Imported abstracts all look like this.
 */
// eslint-disable-next-line no-control-regex -- control characters are what this test rules out
const SINGLE_PLAIN_PARAGRAPH = /^(?! )[^\n\r$\u0000-\u001f\u007f]*(?<! )$/;

/**
 * The abstract as HTML, safe to insert into a page. Parsing Markdown costs about half a
 * millisecond per abstract, the largest part of building a paper page, so an abstract that can
 * only be one plain paragraph skips the parser: it becomes that paragraph's syntax tree directly
 * and is serialized by the same hast-util-to-html the pipeline ends with (a test holds the two
 * paths to the same output).
 */
export function renderAbstract(markdown: string): string {
  if (markdown !== '' && SINGLE_PLAIN_PARAGRAPH.test(markdown)) {
    return toHtml({
      type: 'element',
      tagName: 'p',
      properties: {},
      children: [{ type: 'text', value: markdown }],
    });
  }
  return renderWithPipeline(markdown);
}

/** The abstract through the whole remark/rehype pipeline. */
export function renderWithPipeline(markdown: string): string {
  return String(processor.processSync(markdown));
}
