/** Papers per page of a topic; a long topic is split into pages of this size. */
export const TOPIC_PAGE_SIZE = 30;

/** The orderings of the all-papers list, each a pre-rendered page. */
export const ORDERINGS = [
  { id: 'newest', label: 'Newest first', path: 'all/' },
  { id: 'title', label: 'Title A–Z', path: 'all/title/' },
  { id: 'upvotes', label: 'Most upvoted', path: 'all/upvotes/' },
] as const;

export type OrderingId = (typeof ORDERINGS)[number]['id'];
