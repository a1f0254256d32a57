import * as fs from 'node:fs';
import Mocha from 'mocha';

/** What a run of the suite produced, as the code-server launcher reads it back. */
export interface SuiteResults {
  passes: { title: string; durationMs: number }[];
  failures: { title: string; message: string; stack: string }[];
}

/**
 * Runs the suite inside the extension host: called by @vscode/test-electron
 * (as `extensionTestsPath`) or by the test-only runner extension in
 * code-server. Results go to the console and, when `resultsFile` is given,
 * to that file as JSON.
 */
export async function run(resultsFile?: string): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 120_000, color: false, reporter: 'spec' });
  mocha.suite.emit('pre-require', globalThis, 'surveyor.test', mocha);
  // Bundled with this file; required only now, once describe/it exist.
  require('./extension.test');
  const results: SuiteResults = { passes: [], failures: [] };
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run(resolve);
    runner.on('pass', (test) => results.passes.push({ title: test.fullTitle(), durationMs: test.duration ?? 0 }));
    runner.on('fail', (test, error: Error) => results.failures.push({ title: test.fullTitle(), message: error.message, stack: error.stack ?? '' }));
  });
  if (resultsFile) fs.writeFileSync(resultsFile, JSON.stringify(results, null, 2));
  if (failures > 0 && !resultsFile) throw new Error(`${failures} VS Code test(s) failed`);
}
