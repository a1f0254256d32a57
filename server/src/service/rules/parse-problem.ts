import type { Rule } from './rule';

/** What the parser could not make sense of (a binary file, an internal parse failure). */
export const parseProblem: Rule = {
  code: 'parse-problem',
  check: (doc) => doc.problems.map((p) => ({ range: p.range, message: p.message, fixes: [] })),
};
