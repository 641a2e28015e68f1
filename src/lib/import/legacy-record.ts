/**
 * The shared record of automatic topics that older versions kept beside the papers. Every paper
 * now carries its own (`autoTopics`), so two pull requests that add papers never touch one file;
 * the importer moves what an old record still holds into the papers and deletes it, and the
 * checker reports one left behind.
 */
import { z } from 'zod';
import { ProblemError } from '../problems/problem.ts';

/** The record's file name in the papers folder. */
export const LEGACY_TOPIC_RECORD_FILE = '.assigned-topics.json';

const legacyRecordSchema = z.record(z.string(), z.array(z.string()));

/** The old shared record's entries; throws a ProblemError when the file is damaged. */
export function parseLegacyTopicRecord(text: string, file: string): Record<string, string[]> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ProblemError({
      file,
      message: `invalid JSON (${(error as Error).message})`,
      hint: 'restore it from git, or delete it to treat every paper without `autoTopics` as filed by hand',
    });
  }
  const result = legacyRecordSchema.safeParse(data);
  if (!result.success) {
    throw new ProblemError({
      file,
      message: 'expected an object mapping each paper slug to a list of topic ids',
      hint: 'restore it from git, or delete it',
    });
  }
  return result.data;
}
