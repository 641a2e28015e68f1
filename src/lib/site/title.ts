/**
 * A paper's title as HTML for headings and lists: text as text, and `$…$` math rendered to MathML
 * by the same pipeline as abstracts, so `SP$^2$OT` reads the same in the heading and the abstract.
 */
import { renderAbstract } from '../markdown/render-abstract.ts';
import { hasTitleMath } from '../paper/title-math.ts';

/** The title as inline HTML (no paragraph around it), safe to insert into a heading or a link. */
export function titleHtml(title: string): string {
  const html = renderAbstract(title.replace(/\s+/g, ' ').trim());
  // One line of text is always one paragraph; its content is the inline HTML wanted here.
  const inner = /^<p>([\s\S]*)<\/p>\s*$/.exec(html)?.[1];
  if (inner === undefined) throw new Error(`a title rendered to more than one paragraph: ${title}`);
  return inner;
}

/** Whether the title needs rendering at all (most have no math and are inserted as plain text). */
export const titleNeedsHtml = hasTitleMath;
