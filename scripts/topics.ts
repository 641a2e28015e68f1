/**
 * `npm run topics -- [--papers DIR] [--weakest N] [--topics FILE]`
 *
 * Assigns topics to every paper by the rules in the taxonomy and prints, per topic, how many
 * papers it has and the papers whose assignment is weakest. Writes nothing.
 */
import { readFile } from 'node:fs/promises';
import { fail, runMain } from '../src/lib/command/cli.ts';
import { readPapers } from '../src/lib/paper/files.ts';
import { formatProblem } from '../src/lib/problems/problem.ts';
import { compileTaxonomy } from '../src/lib/topics/assign.ts';
import { loadTaxonomy } from '../src/lib/topics/load.ts';
import { buildTopicReport, formatTopicReport } from '../src/lib/topics/report.ts';

const USAGE = `usage: npm run topics -- [--papers DIR] [--weakest N] [--topics FILE]

  --papers   folder of paper files (default: content/papers)
  --weakest  how many of each topic's least certain papers to list (default: 5)
  --topics   the taxonomy file (default: content/topics.yaml)`;

await runMain(
  {
    name: 'npm run topics',
    usage: USAGE,
    options: {
      papers: { type: 'string', default: 'content/papers' },
      weakest: { type: 'string', default: '5' },
      topics: { type: 'string', default: 'content/topics.yaml' },
    },
  },
  async ({ values }) => {
    if (!/^\d+$/.test(values.weakest)) {
      fail(`--weakest: expected a whole number such as 5, got "${values.weakest}"`);
    }
    const text = await readFile(values.topics, 'utf8').catch((error: unknown) =>
      fail(`${values.topics}: cannot read: ${(error as Error).message}`),
    );
    const taxonomy = loadTaxonomy(text, values.topics);

    const { papers, problems } = await readPapers(values.papers);
    if (problems.length > 0) fail(problems.map(formatProblem).join('\n'));
    if (papers.length === 0) fail(`${values.papers}: no paper files found`);

    const matcher = compileTaxonomy(taxonomy);
    const assigned = papers.map((paper) => ({
      slug: paper.slug,
      title: paper.data.title,
      assignment: matcher.assign({ title: paper.data.title, abstract: paper.abstract }),
    }));
    process.stdout.write(
      formatTopicReport(buildTopicReport(taxonomy, assigned, Number(values.weakest))),
    );
  },
);
