import { collectResults, type SuiteResults } from './results';

/**
 * The web suite, for the web worker extension host: the survey checks and the
 * web-only ones, under mocha's browser build (its Node build needs `fs` and
 * `process`). Called by @vscode/test-web (`run`, as `extensionTestsPath`) and
 * by the test-only web runner extension in code-server (`runWebSuite`).
 */
export async function runWebSuite(): Promise<SuiteResults> {
  // Sets the globals mocha (the instance) and Mocha, as it does in a page.
  require('mocha/mocha.js');
  mocha.setup({ ui: 'bdd', timeout: 120_000, color: false, reporter: 'spec' });
  // Bundled with this file; required only now, once describe/it exist. The survey checks first:
  // they activate Surveyor, which the web-only tests then find active.
  require('./survey.test');
  require('./webHost.test');
  require('./webArxiv.test');
  let results: SuiteResults | undefined;
  await new Promise<void>((resolve) => {
    results = collectResults(mocha.run(() => resolve()));
  });
  return results!;
}

export async function run(): Promise<void> {
  const results = await runWebSuite();
  if (results.failures.length > 0) throw new Error(`${results.failures.length} VS Code web test(s) failed`);
}
