// `npm test`: the type check and the test run side by side (the tests run the
// esbuild bundle, not tsc's output, so neither waits for the other). Exits
// non-zero if either fails; the test files are those `npm test` has always run.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';

const SUITES = ['test/architecture', 'test/unit', 'test/unit/rules', 'test/metadata', 'test/cli', 'test/protocol', 'test/corpora'];
const concurrency = process.env.SURVEYOR_TEST_CONCURRENCY ?? '3';

/** The `*.test.ts` files of a folder, sorted (Node 20's --test takes no globs). */
function testFiles(dir) {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.test.ts'))
    .sort()
    .map((name) => `${dir}/${name}`);
}

function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit' });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', (error) => {
      console.error(`${command}: ${error.message}`);
      resolve(1);
    });
  });
}

const [typecheck, tests] = await Promise.all([
  run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.']),
  run(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...SUITES.flatMap(testFiles)]),
]);
if (typecheck !== 0) console.error('npm test: the type check failed (tsc -p .)');
process.exit(typecheck !== 0 ? typecheck : tests);
