import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { catalog } from '../../../data/catalog.ts';
import { base } from '../../../lib/site/site-config.ts';
import { feedItems } from '../../../lib/site/feeds.ts';
import { SITE_NAME } from '../../../lib/site/identity.ts';

export const getStaticPaths = (() =>
  catalog.topics.map((topic) => ({
    params: { topic: topic.id },
    props: { topic },
  }))) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props, site }) =>
  rss({
    title: `${props.topic.name} · ${SITE_NAME}`,
    description: props.topic.description,
    site: new URL(base, site),
    items: feedItems(props.topic.papers, (id) => catalog.topicById.get(id)?.name, base),
    customData: '<language>en</language>',
  });
