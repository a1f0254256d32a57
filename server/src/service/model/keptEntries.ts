import type { Entry } from './types';

/**
 * How many entries two versions of a chunk share at their start and at
 * their end, by identity: a long list is read in pieces, and the pieces an
 * edit did not touch keep their entry objects (`listPieces.ts`). What is
 * worked out per entry can then be carried over for all but the few around
 * the edit, at the cost of comparing pointers.
 */
export function keptEntries(before: readonly Entry[], after: readonly Entry[]): { prefix: number; suffix: number } {
  const most = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < most && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < most - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  return { prefix, suffix };
}
