import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { catalog } from '../../../data/catalog.ts';
import { links } from '../../../lib/site/build-links.ts';
import { topicFeed } from '../../../lib/site/feeds.ts';

export const getStaticPaths = (() =>
  catalog.topics.map((topic) => ({
    params: { topic: topic.id },
    props: { topic },
  }))) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props }) =>
  rss(topicFeed(props.topic, catalog.topicById, links));
