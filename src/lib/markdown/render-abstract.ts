/**
 * Renders an abstract (a paper file's Markdown body) to HTML: paragraphs and `$…$` math only,
 * everything else literal text. Math is rendered to MathML, which browsers display natively, so
 * pages need neither KaTeX's stylesheet nor its fonts.
 */
import rehypeKatex from 'rehype-katex';
import rehypeStringify from 'rehype-stringify';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import remarkLiteralText from './remark-literal-text.ts';

const processor = unified()
  .use(remarkParse)
  .use(remarkLiteralText)
  .use(remarkMath)
  .use(remarkRehype)
  .use(rehypeKatex, { output: 'mathml', strict: 'ignore' })
  .use(rehypeStringify)
  .freeze();

/** The abstract as HTML, safe to insert into a page. */
export function renderAbstract(markdown: string): string {
  return String(processor.processSync(markdown));
}
