import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { catalog, citationKeys } from '../../../data/catalog.ts';
import { LIST_FORMATS, listFile } from '../../../lib/export/lists.ts';
import { siteUrl } from '../../../lib/site/build-links.ts';

export const getStaticPaths = (() =>
  catalog.topics.flatMap((topic) =>
    LIST_FORMATS.map((format) => ({
      params: { topic: topic.id, format: format.extension },
      props: { topic, format },
    })),
  )) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props }) =>
  new Response(listFile(props.format.extension, props.topic.papers, siteUrl, citationKeys), {
    headers: { 'Content-Type': props.format.mediaType },
  });
