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
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

// Start clean, so that no stale file (an old source map) ends up in a package.
fs.rmSync('dist', { recursive: true, force: true });

if (watch) {
  for (const build of builds) await (await esbuild.context({ ...common, ...build })).watch();
} else {
  await Promise.all(builds.map((build) => esbuild.build({ ...common, ...build })));
}
