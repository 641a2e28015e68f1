/** The site's name and one-line description, shared by pages, feeds and the web manifest. */
export const SITE_NAME = 'Regularization reading list';

export const SITE_DESCRIPTION =
  'A curated, searchable reading list of machine-learning papers on regularization, by topic.';

/** The language of the site's pages (`<html lang>`), which also names Pagefind's index files. */
export const SITE_LANGUAGE = 'en';
