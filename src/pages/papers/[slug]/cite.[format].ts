import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { asPaper, catalog } from '../../../data/catalog.ts';
import { base } from '../../../lib/site-config.ts';
import { CITATION_FORMATS, citationText } from '../../../lib/site/citations.ts';
import { paperPath, withBase } from '../../../lib/urls.ts';

export const getStaticPaths = (() =>
  catalog.papers.flatMap((paper) =>
    CITATION_FORMATS.map((format) => ({
      params: { slug: paper.id, format: format.extension },
      props: { paper, format },
    })),
  )) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props, site }) => {
  const pageUrl = new URL(withBase(base, paperPath(props.paper.id)), site).href;
  return new Response(citationText(props.format.id, asPaper(props.paper), pageUrl), {
    headers: { 'Content-Type': props.format.mediaType },
  });
};
