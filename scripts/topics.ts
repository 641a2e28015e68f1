/**
 * `npm run topics -- [--papers DIR] [--weakest N] [--topics FILE]`
 *
 * Assigns topics to every paper by the rules in the taxonomy and prints, per topic, how many
 * papers it has and the papers whose assignment is weakest. Writes nothing.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { readPapers } from '../src/lib/paper/files.ts';
import { formatProblem, ProblemError } from '../src/lib/problems/problem.ts';
import { compileTaxonomy, loadTaxonomy } from '../src/lib/topics/assign.ts';
import { buildTopicReport, formatTopicReport } from '../src/lib/topics/report.ts';
import { fail } from '../src/lib/command/cli.ts';

const USAGE = `usage: npm run topics -- [--papers DIR] [--weakest N] [--topics FILE]

  --papers   folder of paper files (default: content/papers)
  --weakest  how many of each topic's least certain papers to list (default: 5)
  --topics   the taxonomy file (default: content/topics.yaml)`;

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        papers: { type: 'string', default: 'content/papers' },
        weakest: { type: 'string', default: '5' },
        topics: { type: 'string', default: 'content/topics.yaml' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    fail(`${(error as Error).message}\n\n${USAGE}`);
  }
  const { values } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (!/^\d+$/.test(values.weakest)) {
    fail(`--weakest: expected a whole number such as 5, got "${values.weakest}"`);
  }

  let taxonomy;
  try {
    taxonomy = loadTaxonomy(await readFile(values.topics, 'utf8'), values.topics);
  } catch (error) {
    if (error instanceof ProblemError) fail(error.message);
    fail(`${values.topics}: cannot read: ${(error as Error).message}`);
  }

  const { papers, problems } = await readPapers(values.papers);
  if (problems.length > 0) {
    fail(problems.map(formatProblem).join('\n'));
  }
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
}

await main();
