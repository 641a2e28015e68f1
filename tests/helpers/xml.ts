/**
 * Reading the XML the site writes (feeds, sitemaps) with a strict, conforming parser: saxes
 * reports every well-formedness error, a character XML 1.0 does not allow among them, which the
 * lenient parsers that build feeds let through.
 */
import { SaxesParser } from 'saxes';

/** Every well-formedness error in `xml`, as `line:column: message`; empty when it is valid. */
export function xmlProblems(xml: string): string[] {
  const parser = new SaxesParser();
  const problems: string[] = [];
  parser.on('error', (error) => problems.push(error.message));
  parser.write(xml).close();
  return problems;
}
