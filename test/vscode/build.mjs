// Builds the VS Code test suites (dist-test/, never packaged). Called by `node esbuild.mjs --vscode-tests`.
//   desktop (Node extension host): dist-test/vscode/suite.js for @vscode/test-electron, and the runner
//     extension for code-server (dist-test/runner/);
//   web (web worker extension host): dist-test/web/suite.js for @vscode/test-web, and the web runner
//     extension for code-server (dist-test/web-runner/), built for the browser platform so that a Node
//     built-in reached from the web suite fails the build.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';

export async function buildVsCodeTests(common) {
  fs.rmSync('dist-test', { recursive: true, force: true });
  const web = { platform: 'browser', target: 'es2022', format: 'cjs' };
  const tests = [
    { entryPoints: ['test/vscode/suite/index.ts'], outfile: 'dist-test/vscode/suite.js', external: ['vscode'] },
    { entryPoints: ['test/vscode/runner/extension.ts'], outfile: 'dist-test/runner/runner.js', external: ['vscode'] },
    { ...web, entryPoints: ['test/vscode/suite/webIndex.ts'], outfile: 'dist-test/web/suite.js', external: ['vscode'] },
    { ...web, entryPoints: ['test/vscode/webRunner/extension.ts'], outfile: 'dist-test/web-runner/webRunner.js', external: ['vscode'] },
  ];
  await Promise.all(tests.map((build) => esbuild.build({ ...common, sourcemap: true, logLevel: 'error', ...build })));
  for (const [from, to] of [
    ['test/vscode/runner/package.json', 'dist-test/runner/package.json'],
    ['LICENSE', 'dist-test/runner/LICENSE'],
    ['test/vscode/webRunner/package.json', 'dist-test/web-runner/package.json'],
    ['LICENSE', 'dist-test/web-runner/LICENSE'],
  ]) {
    fs.copyFileSync(from, to);
  }
}
