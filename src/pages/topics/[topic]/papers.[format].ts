import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { asPaper, catalog, citationKeys } from '../../../data/catalog.ts';
import { base } from '../../../lib/site/site-config.ts';
import { LIST_FORMATS, listFile } from '../../../lib/export/lists.ts';

export const getStaticPaths = (() =>
  catalog.topics.flatMap((topic) =>
    LIST_FORMATS.map((format) => ({
      params: { topic: topic.id, format: format.extension },
      props: { topic, format },
    })),
  )) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props, site }) =>
  new Response(
    listFile(
      props.format.extension,
      props.topic.papers.map(asPaper),
      new URL(base, site).href,
      citationKeys,
    ),
    {
      headers: { 'Content-Type': props.format.mediaType },
    },
  );
