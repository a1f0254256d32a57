import type { Runner } from 'mocha';

/** What a run of the suite produced, as the launchers read it back. */
export interface SuiteResults {
  passes: { title: string; durationMs: number }[];
  failures: { title: string; message: string; stack: string }[];
  pending?: { title: string }[];
}

/** Collects a mocha run's results as they come (Node's mocha and its browser build emit the same events). */
export function collectResults(runner: Runner): SuiteResults {
  const results: SuiteResults = { passes: [], failures: [], pending: [] };
  runner.on('pass', (test) => results.passes.push({ title: test.fullTitle(), durationMs: test.duration ?? 0 }));
  runner.on('fail', (test, error: Error) => results.failures.push({ title: test.fullTitle(), message: error.message, stack: error.stack ?? '' }));
  runner.on('pending', (test) => results.pending!.push({ title: test.fullTitle() }));
  return results;
}
