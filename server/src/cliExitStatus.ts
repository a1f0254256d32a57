/** When `surveyor check` fails a run (exit 1), and the one-line count it ends with. */

import type { CliFinding } from './cliFinding';

/** The severities, most severe first: the levels --fail-on takes, their rank, and the order of the summary's table columns. */
export const FAIL_ON_LEVELS = ['error', 'warning', 'info', 'hint'] as const satisfies readonly CliFinding['severity'][];
export type FailOn = (typeof FAIL_ON_LEVELS)[number];
type Level = CliFinding['severity'];

/** 0 for the most severe. */
function rank(level: Level): number {
  return FAIL_ON_LEVELS.indexOf(level);
}

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
  const allowedWarnings = maxWarnings ?? (rank(failOn) >= rank('warning') ? 0 : Infinity);
  if (counts.error > 0) return true;
  if (counts.warning > allowedWarnings) return true;
  if (rank(failOn) >= rank('info') && counts.info > 0) return true;
  return rank(failOn) >= rank('hint') && counts.hint > 0;
}

/** `3 warnings, 9 info in 2 files`, or `no findings in 2 files`. */
export function summaryLine(counts: Counts, files: number): string {
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning'), counts.info > 0 ? `${counts.info} info` : '', plural(counts.hint, 'hint')].filter((p) => p !== '');
  return `${parts.length > 0 ? parts.join(', ') : 'no findings'} in ${files} file${files === 1 ? '' : 's'}`;
}

function plural(n: number, word: string): string {
  return n === 0 ? '' : `${n} ${word}${n === 1 ? '' : 's'}`;
}
