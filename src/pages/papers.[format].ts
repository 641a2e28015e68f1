import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { catalog, citationKeys } from '../data/catalog.ts';
import { LIST_FORMATS, listFile } from '../lib/export/lists.ts';
import { siteUrl } from '../lib/site/build-links.ts';

export const getStaticPaths = (() =>
  LIST_FORMATS.map((format) => ({
    params: { format: format.extension },
    props: { format },
  }))) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props }) =>
  new Response(listFile(props.format.extension, catalog.papers, siteUrl, citationKeys), {
    headers: { 'Content-Type': props.format.mediaType },
  });
