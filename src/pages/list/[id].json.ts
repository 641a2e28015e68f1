/** One small record per paper for the reader's list (see src/lib/site/list-records.ts). */
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { catalog, citationKeys } from '../../data/catalog.ts';
import { siteUrl } from '../../lib/site/build-links.ts';
import { listRecordPaths, listRecordText } from '../../lib/site/list-records.ts';

export const getStaticPaths = (() => listRecordPaths(catalog.papers)) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props }) =>
  new Response(listRecordText(props.paper, siteUrl, citationKeys), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
