/**
 * Reading paths (`content/reading-paths.yaml`): for each topic, a few of its papers in the order a
 * newcomer should read them, each with one sentence on why it comes at that point.
 *
 * One parser serves the checker and the site, so a path the checker accepts is the path the site
 * shows. It reads the file with `yaml` rather than js-yaml because every problem must name the
 * line of the step it concerns, and `yaml` keeps the position of every node.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { Problem } from '../problems/problem.ts';

/** The fewest and most steps a path may have: enough to lead somewhere, few enough to finish. */
export const PATH_LENGTH = { min: 4, max: 8 } as const;

export interface ReadingStep {
  /** The paper's slug. */
  paper: string;
  /** One sentence on why the paper comes at this point of the path. */
  reason: string;
}

export interface ReadingPath {
  /** The topic id. */
  topic: string;
  steps: ReadingStep[];
}

export interface ReadingPathsInput {
  /** The file's text. */
  text: string;
  /** How the file is named in messages, such as `content/reading-paths.yaml`. */
  file: string;
  /** The topic ids of the taxonomy. */
  topics: ReadonlySet<string>;
  /** Every paper's topics, by slug; undefined for a paper whose file cannot be read. */
  paperTopics: ReadonlyMap<string, readonly string[] | undefined>;
}

export interface ReadingPathsResult {
  /** The paths that are valid, in the file's order; a path with any problem is left out. */
  paths: ReadingPath[];
  problems: Problem[];
}

const STEP_KEYS = new Set(['paper', 'reason']);

/** Parses and checks the reading paths; never throws. */
export function parseReadingPaths(input: ReadingPathsInput): ReadingPathsResult {
  const { file, topics, paperTopics } = input;
  const lines = new LineCounter();
  const document = parseDocument(input.text, { lineCounter: lines, prettyErrors: false });
  const problems: Problem[] = [];
  const lineOf = (node: Node | null | undefined): number =>
    node?.range ? lines.linePos(node.range[0]).line : 1;
  const problem = (line: number, field: string, message: string, hint: string): void => {
    problems.push({ file, line, field, message, hint });
  };

  for (const error of document.errors) {
    const line = lines.linePos(error.pos[0]).line;
    problem(line, 'yaml', error.message.split('\n')[0] ?? error.message, 'fix the YAML syntax');
  }
  if (document.errors.length > 0) return { paths: [], problems };

  const root = document.contents;
  if (root === null) return { paths: [], problems };
  if (!isMap(root)) {
    problem(
      lineOf(root),
      'paths',
      'expected a mapping from topic ids to lists of steps',
      'write `<topic-id>:` followed by a list of `- paper: <slug>` / `reason: <sentence>` steps',
    );
    return { paths: [], problems };
  }

  const paths: ReadingPath[] = [];
  for (const pair of root.items) {
    const keyNode = pair.key as Node | null;
    const topic = isScalar(keyNode) ? String(keyNode.value) : '';
    const topicLine = lineOf(keyNode);
    const before = problems.length;
    if (!topics.has(topic)) {
      problem(
        topicLine,
        topic || 'topic',
        `unknown topic id "${topic}"`,
        `use one of the ids in topics.yaml: ${[...topics].join(', ')}`,
      );
      continue;
    }
    const list = pair.value as Node | null;
    if (!isSeq(list)) {
      problem(topicLine, topic, 'expected a list of steps', 'write each step as `- paper: <slug>`');
      continue;
    }
    const steps: ReadingStep[] = [];
    const seen = new Map<string, number>();
    list.items.forEach((item, index) => {
      const stepLine = lineOf(item as Node);
      const field = `${topic}[${index + 1}]`;
      if (!isMap(item)) {
        problem(
          stepLine,
          field,
          'expected a step with `paper` and `reason`',
          'write `- paper: <slug>` and `reason: <sentence>`',
        );
        return;
      }
      for (const entry of item.items) {
        const name = isScalar(entry.key) ? String(entry.key.value) : '';
        if (!STEP_KEYS.has(name))
          problem(
            lineOf(entry.key as Node),
            field,
            `unknown field "${name}"`,
            'a step has only `paper` and `reason`',
          );
      }
      const paperNode = item.get('paper', true);
      const reasonNode = item.get('reason', true);
      const paper =
        isScalar(paperNode) && typeof paperNode.value === 'string' ? paperNode.value.trim() : '';
      const reason =
        isScalar(reasonNode) && typeof reasonNode.value === 'string' ? reasonNode.value.trim() : '';
      const paperLine = paperNode ? lineOf(paperNode) : stepLine;
      if (paper === '') {
        problem(
          paperLine,
          `${field}.paper`,
          'the step names no paper',
          'give the slug of a paper file, without `.md`',
        );
      } else if (!paperTopics.has(paper)) {
        problem(
          paperLine,
          `${field}.paper`,
          `unknown paper "${paper}"`,
          'give the slug of a file in papers/ (its name without `.md`)',
        );
      } else if (paperTopics.get(paper)?.includes(topic) === false) {
        problem(
          paperLine,
          `${field}.paper`,
          `"${paper}" is not in the topic ${topic} (its topics: ${(paperTopics.get(paper) ?? []).join(', ')})`,
          'choose a paper of this topic, or add the topic to the paper first',
        );
      } else if (seen.has(paper)) {
        problem(
          paperLine,
          `${field}.paper`,
          `"${paper}" is already step ${String(seen.get(paper))} of this path`,
          'list each paper once per path',
        );
      } else {
        seen.set(paper, index + 1);
      }
      if (reason === '')
        problem(
          reasonNode ? lineOf(reasonNode) : stepLine,
          `${field}.reason`,
          'the reason is empty',
          'write one sentence on why the paper comes at this point of the path',
        );
      steps.push({ paper, reason });
    });
    if (steps.length < PATH_LENGTH.min || steps.length > PATH_LENGTH.max)
      problem(
        topicLine,
        topic,
        `the path has ${String(steps.length)} steps`,
        `give ${String(PATH_LENGTH.min)} to ${String(PATH_LENGTH.max)} steps`,
      );
    if (problems.length === before) paths.push({ topic, steps });
  }
  return { paths, problems };
}

/** Where a paper stands on one path. */
export interface PathPosition {
  topic: string;
  /** 1-based. */
  step: number;
  total: number;
  previous: string | undefined;
  next: string | undefined;
}

/** Every paper's positions on the paths, in the paths' order. */
export function positionsByPaper(paths: readonly ReadingPath[]): Map<string, PathPosition[]> {
  const positions = new Map<string, PathPosition[]>();
  for (const { topic, steps } of paths) {
    steps.forEach(({ paper }, index) => {
      const position: PathPosition = {
        topic,
        step: index + 1,
        total: steps.length,
        previous: steps[index - 1]?.paper,
        next: steps[index + 1]?.paper,
      };
      const list = positions.get(paper);
      if (list === undefined) positions.set(paper, [position]);
      else list.push(position);
    });
  }
  return positions;
}
