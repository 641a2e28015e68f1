/**
 * Says, at the start of every `astro build`, what in the site's address is a placeholder: a site
 * built without SITE_URL points its canonical links, sitemap, feeds and citations to
 * https://example.org, which no one notices until search engines and reference managers do.
 * On GitHub Actions each warning is also an annotation, shown on the run's summary page.
 */
import type { AstroIntegration } from 'astro';

/** The lines to print for `warnings`: each as a warning, and as an annotation on GitHub Actions. */
export function warningLines(
  warnings: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): { log: string[]; annotations: string[] } {
  return {
    log: [...warnings],
    annotations:
      env.GITHUB_ACTIONS === 'true'
        ? warnings.map((warning) => `::warning title=Site address::${warning}`)
        : [],
  };
}

/** The integration; `warnings` come from the site's address (src/lib/site/site-config.ts). */
export default function siteAddressWarnings(warnings: readonly string[]): AstroIntegration {
  return {
    name: 'reading-list:site-address',
    hooks: {
      'astro:build:start': ({ logger }) => {
        const { log, annotations } = warningLines(warnings, process.env);
        for (const line of log) logger.warn(line);
        // Annotations must be plain lines on standard output, without the logger's prefix.
        for (const line of annotations) process.stdout.write(`${line}\n`);
      },
    },
  };
}
