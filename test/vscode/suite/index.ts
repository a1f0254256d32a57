import * as fs from 'node:fs';
import Mocha from 'mocha';
import { collectResults, type SuiteResults } from './results';

export type { SuiteResults } from './results';

/**
 * Runs the desktop suite inside Node's extension host: called by
 * @vscode/test-electron (as `extensionTestsPath`) or by the test-only runner
 * extension in code-server. Results go to the console and, when
 * `resultsFile` is given, to that file as JSON.
 */
export async function run(resultsFile?: string): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 120_000, color: false, reporter: 'spec' });
  mocha.suite.emit('pre-require', globalThis, 'surveyor.test', mocha);
  // Bundled with this file; required only now, once describe/it exist. The survey checks first:
  // the desktop-only tests edit the survey they leave.
  require('./survey.test');
  require('./desktop.test');
  let results: SuiteResults | undefined;
  const failures = await new Promise<number>((resolve) => {
    results = collectResults(mocha.run(resolve));
  });
  if (resultsFile) fs.writeFileSync(resultsFile, JSON.stringify(results, null, 2));
  if (failures > 0 && !resultsFile) throw new Error(`${failures} VS Code test(s) failed`);
}
