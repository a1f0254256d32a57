/** When `surveyor check` fails a run (exit 1), and the one-line count it ends with. */

import type { CliFinding } from './cliFinding';

export const FAIL_ON_LEVELS = ['error', 'warning', 'info', 'hint'] as const;
export type FailOn = (typeof FAIL_ON_LEVELS)[number];
type Level = CliFinding['severity'];

/** Most severe first. */
const RANK: Record<Level, number> = { error: 0, warning: 1, info: 2, hint: 3 };

export type Counts = Record<Level, number>;

export function countBySeverity(findings: readonly CliFinding[]): Counts {
  const counts: Counts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/**
 * Whether the reported findings fail the run. A finding at `failOn` or above
 * fails it, except warnings, which fail only past `maxWarnings` (eslint's
 * semantics). Without `--max-warnings`, no warning is allowed when `failOn`
 * takes in warnings, and any number when it is `error`.
 */
export function failsRun(counts: Counts, failOn: FailOn, maxWarnings: number | undefined): boolean {
  const allowedWarnings = maxWarnings ?? (RANK[failOn] >= RANK.warning ? 0 : Infinity);
  if (counts.error > 0) return true;
  if (counts.warning > allowedWarnings) return true;
  if (RANK[failOn] >= RANK.info && counts.info > 0) return true;
  return RANK[failOn] >= RANK.hint && counts.hint > 0;
}

/** `3 warnings, 9 info in 2 files`, or `no findings in 2 files`. */
export function summaryLine(counts: Counts, files: number): string {
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning'), counts.info > 0 ? `${counts.info} info` : '', plural(counts.hint, 'hint')].filter((p) => p !== '');
  return `${parts.length > 0 ? parts.join(', ') : 'no findings'} in ${files} file${files === 1 ? '' : 's'}`;
}

function plural(n: number, word: string): string {
  return n === 0 ? '' : `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Most severe first, the order of the summary's table columns. */
export const LEVELS_BY_RANK: readonly Level[] = ['error', 'warning', 'info', 'hint'];
