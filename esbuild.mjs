// Bundles the client, the server and the CLI into dist/ (one file each, CommonJS for Node).
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

const builds = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // Both are `bin` entries of the npm package (surveyor-language-server, surveyor): npm links them as commands.
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/action.ts'], outfile: 'dist/action.js' },
];

// The VS Code test suite (dist-test/, never packaged): for @vscode/test-electron, and as a
// test-only runner extension for code-server.
if (process.argv.includes('--vscode-tests')) {
  fs.rmSync('dist-test', { recursive: true, force: true });
  const tests = [
    { entryPoints: ['test/vscode/suite/index.ts'], outfile: 'dist-test/vscode/suite.js', external: ['vscode'] },
    { entryPoints: ['test/vscode/runner/extension.ts'], outfile: 'dist-test/runner/runner.js', external: ['vscode'] },
  ];
  await Promise.all(tests.map((build) => esbuild.build({ ...common, sourcemap: true, logLevel: 'error', ...build })));
  fs.copyFileSync('test/vscode/runner/package.json', 'dist-test/runner/package.json');
  fs.copyFileSync('LICENSE', 'dist-test/runner/LICENSE');
  process.exit(0);
}

// Start clean, so that no stale file (an old source map) ends up in a package.
fs.rmSync('dist', { recursive: true, force: true });

if (watch) {
  for (const build of builds) await (await esbuild.context({ ...common, ...build })).watch();
} else {
  await Promise.all(builds.map((build) => esbuild.build({ ...common, ...build })));
}
