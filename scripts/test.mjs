// `npm test`: the type check beside the test run (the tests run the esbuild bundle or the
// sources through tsx, not tsc's output, so neither waits for the other). Exits non-zero if
// either fails.
//
// The test files run in a few processes, each holding several files (scripts/runTestFiles.mjs),
// not one process per file: loading tsx and the service costs ~0.8 s of CPU a process, which
// was a third of the run on two cores. The price: files in one process share module state, so
// a test must leave nothing global behind (timers mocked, env vars, cwd).
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';

const SUITES = ['test/architecture', 'test/unit', 'test/unit/rules', 'test/metadata', 'test/cli', 'test/action', 'test/protocol', 'test/corpora'];
const GROUPS = Number(process.env.SURVEYOR_TEST_GROUPS ?? 6);
const PARALLEL = Number(process.env.SURVEYOR_TEST_CONCURRENCY ?? 3);

/** The `*.test.ts` files of a folder, sorted (Node 20's --test takes no globs). */
function testFiles(dir) {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.test.ts'))
    .sort()
    .map((name) => `${dir}/${name}`);
}

/** Runs a command; its output is kept and handed back whole, so that groups do not interleave. */
function run(command, args, { quiet = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', quiet ? 'pipe' : 'inherit', quiet ? 'pipe' : 'inherit'] });
    let output = '';
    child.stdout?.on('data', (data) => (output += data));
    child.stderr?.on('data', (data) => (output += data));
    // 'close', not 'exit': the output may still be arriving when the process has exited.
    child.on('close', (code, signal) => resolve({ status: code ?? (signal ? 1 : 0), output }));
    child.on('error', (error) => resolve({ status: 1, output: `${command}: ${error.message}\n` }));
  });
}

/** Files dealt round-robin, so that neighbours (often alike in cost) land in different groups. */
function groups(files) {
  const dealt = Array.from({ length: Math.min(GROUPS, files.length) }, () => []);
  files.forEach((file, i) => dealt[i % dealt.length].push(file));
  return dealt;
}

async function runGroups(fileGroups) {
  const queue = [...fileGroups];
  const totals = { tests: 0, pass: 0, fail: 0 };
  let failedGroups = 0;
  const worker = async () => {
    for (let files = queue.shift(); files; files = queue.shift()) {
      const { status, output } = await run(process.execPath, ['--import', 'tsx', '--test-reporter=spec', 'scripts/runTestFiles.mjs', ...files], { quiet: true });
      process.stdout.write(output);
      for (const key of Object.keys(totals)) totals[key] += Number(output.match(new RegExp(`^ℹ ${key} (\\d+)$`, 'm'))?.[1] ?? 0);
      // A group that printed no totals did not run to its end (a test called process.exit, or the runner crashed):
      // the files after that point never ran, whatever its exit status says.
      const finished = /^ℹ tests \d+$/m.test(output);
      if (status !== 0 || !finished) {
        failedGroups++;
        console.error(`npm test: ${finished ? 'a test failed' : 'the run stopped before its end'} in one of ${files.join(', ')}`);
      }
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  const groupsFailed = failedGroups > 0 ? ` (${failedGroups} of the ${fileGroups.length} processes failed)` : `, in ${fileGroups.length} processes`;
  console.log(`\nnpm test: ${totals.tests} tests, ${totals.pass} passed, ${totals.fail} failed${groupsFailed}`);
  return failedGroups > 0 ? 1 : 0;
}

const [typecheck, tests] = await Promise.all([
  run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.']).then(({ status }) => status),
  runGroups(groups(SUITES.flatMap(testFiles))),
]);
if (typecheck !== 0) console.error('npm test: the type check failed (tsc -p .)');
process.exit(typecheck !== 0 ? typecheck : tests);
