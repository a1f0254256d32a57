// Bundles into dist/: for Node (CommonJS) the client, the server, the CLI and the action; for the
// browser (vscode.dev, github.dev) the web client and the server as a web worker, built for the
// browser platform so that any Node built-in they reach fails the build.
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

/**
 * The web extension host and the server's worker: no Node built-ins, no `process`, and no DOM either
 * (a worker has no `document`): the `worker` condition picks a package's worker build over its DOM one.
 */
const browser = { platform: 'browser', target: 'es2022', conditions: ['worker'], mainFields: ['browser', 'module', 'main'], define: { 'process.env.NODE_ENV': '"production"' } };

const builds = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // Both are `bin` entries of the npm package (surveyor-language-server, surveyor): npm links them as commands.
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/action.ts'], outfile: 'dist/action.js' },
  { ...browser, entryPoints: ['client/src/browserExtension.ts'], outfile: 'dist/browser/extension.js', format: 'cjs', external: ['vscode'] },
  { ...browser, entryPoints: ['server/src/browserServer.ts'], outfile: 'dist/browser/server.js', format: 'iife' },
];

// The VS Code test suites (dist-test/, never packaged).
if (process.argv.includes('--vscode-tests')) {
  const { buildVsCodeTests } = await import('./test/vscode/build.mjs');
  await buildVsCodeTests(common);
  process.exit(0);
}

// Start clean, so that no stale file (an old source map) ends up in a package.
fs.rmSync('dist', { recursive: true, force: true });

if (watch) {
  for (const build of builds) await (await esbuild.context({ ...common, ...build })).watch();
} else {
  await Promise.all(builds.map((build) => esbuild.build({ ...common, ...build })));
}
