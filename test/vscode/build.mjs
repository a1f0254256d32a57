// Builds the VS Code test suite (dist-test/, never packaged): for @vscode/test-electron, and as a
// test-only runner extension for code-server. Called by `node esbuild.mjs --vscode-tests`.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';

export async function buildVsCodeTests(common) {
  fs.rmSync('dist-test', { recursive: true, force: true });
  const tests = [
    { entryPoints: ['test/vscode/suite/index.ts'], outfile: 'dist-test/vscode/suite.js', external: ['vscode'] },
    { entryPoints: ['test/vscode/runner/extension.ts'], outfile: 'dist-test/runner/runner.js', external: ['vscode'] },
  ];
  await Promise.all(tests.map((build) => esbuild.build({ ...common, sourcemap: true, logLevel: 'error', ...build })));
  fs.copyFileSync('test/vscode/runner/package.json', 'dist-test/runner/package.json');
  fs.copyFileSync('LICENSE', 'dist-test/runner/LICENSE');
}
