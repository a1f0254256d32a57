import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../support/fixtures';
import { GAPPY, cli, repo } from './support';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const VERSION = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version as string;
/** No findings. */
const CLEAN = '# Papers\n\n1. a\n2. b\n';

describe('surveyor: the conventions of eslint and markdownlint-cli2', () => {
  it('--version prints the version, from the bundle alone (no package.json beside it)', async () => {
    assert.deepEqual(await cli(['--version'], os.tmpdir()), { status: 0, stdout: VERSION, stderr: '' });
    const alone = fs.mkdtempSync(path.join(os.tmpdir(), 'surveyor-bundle-'));
    fs.copyFileSync(CLI, path.join(alone, 'cli.js'));
    const r = spawnSync(process.execPath, [path.join(alone, 'cli.js'), '--version'], { cwd: alone, encoding: 'utf8' });
    assert.equal(r.stdout.trim(), VERSION);
    assert.equal(r.status, 0);
  });

  it('no arguments: the usage on stderr and exit 2; --help: the usage on stdout and exit 0', async () => {
    const none = await cli([], os.tmpdir());
    assert.equal(none.status, 2);
    assert.equal(none.stdout, '');
    assert.match(none.stderr, /^Usage: surveyor check/);
    const help = await cli(['check', '-h'], os.tmpdir());
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: surveyor check/);
  });

  it('an unknown option or command: one line with a hint, exit 2', async () => {
    assert.deepEqual(await cli(['check', '--fxi', 'README.md'], os.tmpdir()), { status: 2, stdout: '', stderr: 'surveyor: unknown option "--fxi" (did you mean --fix?); see surveyor --help' });
    assert.deepEqual(await cli(['check', '--zzzzzz', 'README.md'], os.tmpdir()), { status: 2, stdout: '', stderr: 'surveyor: unknown option "--zzzzzz"; see surveyor --help' });
    assert.equal((await cli(['chekc', 'README.md'], os.tmpdir())).stderr, 'surveyor: unknown command "chekc" (did you mean check?); see surveyor --help');
    assert.equal((await cli(['fetch', '--fix', 'README.md'], os.tmpdir())).stderr, 'surveyor: unknown option "--fix" (--fix is an option of surveyor check); see surveyor --help');
  });

  it('a folder stands for its README.md files, skipping .git, node_modules and dot-folders', async () => {
    const dir = repo({ 'README.md': GAPPY, 'docs/README.md': GAPPY, 'docs/deep/readme.md': CLEAN, 'docs/guide.md': GAPPY, 'node_modules/x/README.md': GAPPY, '.github/README.md': GAPPY });
    const r = await cli(['check', '.'], dir);
    assert.deepEqual([...new Set(r.stdout.split('\n').map((line) => line.split(':')[0]))], ['README.md', path.join('docs', 'README.md')]);
    assert.equal(r.stderr, '4 warnings in 3 files');
    // The same file named twice is checked once.
    assert.equal((await cli(['check', 'docs', 'docs/README.md'], dir)).stderr, '2 warnings in 2 files');
  });

  it('a folder: the files its .surveyor.json names, relative to the config’s folder; a nested config governs its own folder', async () => {
    const dir = repo({
      '.surveyor.json': JSON.stringify({ files: ['docs/*.md'] }),
      'README.md': GAPPY,
      'docs/guide.md': GAPPY,
      'docs/other.txt': GAPPY,
      'lists/.surveyor.json': JSON.stringify({ files: ['*.MD'] }),
      'lists/a.md': CLEAN,
    });
    const r = await cli(['check', '.'], dir);
    assert.equal(r.stderr, '2 warnings in 2 files');
    assert.deepEqual([...new Set(r.stdout.split('\n').map((line) => line.split(':')[0]))], [path.join('docs', 'guide.md')]);
  });

  it('a quoted glob is expanded by Surveyor, case-insensitively, outside node_modules', async () => {
    const dir = repo({ 'docs/a.md': GAPPY, 'docs/sub/B.MD': CLEAN, 'docs/node_modules/c.md': GAPPY, 'top.md': GAPPY });
    const r = await cli(['check', 'docs/**/*.md'], dir);
    assert.equal(r.stderr, '2 warnings in 2 files');
    assert.equal((await cli(['check', './docs/*.md'], dir)).stderr, '2 warnings in 1 file');
  });

  for (const [what, args, message] of [
    ['a glob that matches nothing', ['check', 'docs/**/*.rst'], 'surveyor: no files match "docs/**/*.rst"'],
    ['a folder without a survey', ['check', 'empty'], 'surveyor: empty: no survey files in this folder (its .surveyor.json\'s "files", **/README.md by default, names none)'],
    ['a missing file', ['check', 'nope.md'], 'surveyor: nope.md: no such file'],
  ] as const) {
    it(`${what}: one line, exit 2`, async () => {
      const dir = repo({ 'docs/a.md': GAPPY, 'empty/notes.txt': 'x' });
      assert.deepEqual(await cli([...args], dir), { status: 2, stdout: '', stderr: message });
    });
  }

  it('an invalid .surveyor.json stops the run (exit 2) naming the file and the reason: bad JSON, a wrong value, an unknown key', async () => {
    const cases: [string, RegExp][] = [
      ['{ "rules": ', /^surveyor: \.surveyor\.json: not valid JSON/],
      [JSON.stringify({ rules: { 'list-numbering': 'loud' } }), /^surveyor: \.surveyor\.json: rule "list-numbering": severity must be one of off, hint, info, warning, error, found "loud"\.\nsurveyor: \.surveyor\.json: fix the file/],
      [JSON.stringify({ rule: { 'list-numbering': 'off' } }), /^surveyor: \.surveyor\.json: unknown setting "rule"/],
    ];
    for (const [config, message] of cases) {
      const r = await cli(['check', 'README.md'], repo({ 'README.md': GAPPY, '.surveyor.json': config }));
      assert.equal(r.status, 2, config);
      assert.match(r.stderr, message);
      assert.equal(r.stdout, '');
    }
    const dir = repo({ 'README.md': GAPPY, 'ci/surveyor.json': JSON.stringify({ rules: { 'list-numbering': 'off' } }) });
    assert.deepEqual(await cli(['check', '--config', 'ci/surveyor.json', 'README.md'], dir), { status: 0, stdout: '', stderr: 'no findings in 1 file' });
    assert.match((await cli(['check', '--config', 'missing.json', 'README.md'], dir)).stderr, /^surveyor: --config missing\.json: /);
  });

  it('--fail-on and --max-warnings decide exit 1 (eslint semantics for warnings)', async () => {
    // 2 warnings (list-numbering), 1 info, 1 hint.
    const config = { rules: { 'inconsistent-listing': 'off', 'toc-missing-heading': 'off', 'arxiv-url-style': 'hint' } };
    const text = `${GAPPY}\n## Links\n\n- Paper A. arXiv 2023. [[paper](https://arxiv.org/pdf/2305.16289)]\n- Paper B. arXiv 2023. [[paper](https://arxiv.org/abs/2301.00001)]\n- Paper C. arXiv 2023. [[paper](https://arxiv.org/abs/2301.00002)]\n`;
    const dir = repo({ 'README.md': text, '.surveyor.json': JSON.stringify(config) });
    const counts = await cli(['check', 'README.md'], dir);
    // 2301.00001 and 2301.00002 are not in the bundled snapshot: the summary counts them.
    assert.match(counts.stderr, /^2 warnings, (\d+) info, 1 hint in 1 file; 2 papers without arXiv metadata \(offline: /);
    const status = async (...extra: string[]) => (await cli(['check', ...extra, 'README.md'], dir)).status;
    assert.equal(await status(), 1, 'by default any warning fails');
    assert.equal(await status('--max-warnings', '2'), 0);
    assert.equal(await status('--max-warnings=1'), 1);
    assert.equal(await status('--fail-on', 'error'), 0, 'fail-on error: warnings are allowed without --max-warnings');
    assert.equal(await status('--fail-on', 'error', '--max-warnings', '1'), 1);
    assert.equal(await status('--fail-on', 'hint', '--max-warnings', '5'), 1, 'the hint fails it');
    assert.equal(await status('--fail-on', 'hint', '--max-warnings', '5', '--quiet'), 0, 'unreported findings do not count');
    assert.equal(await status('--max-warnings', '-1'), 0);
    assert.equal((await cli(['check', '--max-warnings', 'lots', 'README.md'], dir)).status, 2);
    assert.equal((await cli(['check', '--fail-on', 'notice', 'README.md'], dir)).status, 2);
    const withErrors = repo({ 'README.md': GAPPY, '.surveyor.json': JSON.stringify({ rules: { 'list-numbering': 'error' } }) });
    assert.equal((await cli(['check', '--fail-on', 'error', '--max-warnings', '99', 'README.md'], withErrors)).status, 1, 'errors always fail');
    assert.equal((await cli(['check', 'README.md'], repo({ 'README.md': CLEAN }))).status, 0);
  });

  it('the bundle: exit 1 on warnings, and output to a closed pipe ends quietly with the normal status', () => {
    const dir = repo({ 'big.md': `# S\n\n${Array.from({ length: 3000 }, (_, i) => `${2 * i + 1}. x`).join('\n')}\n` });
    // `| head -1` closes the pipe after the first line; Node ignores SIGPIPE, so the CLI sees EPIPE.
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" check big.md 2>err.txt | head -1; echo "status=\${PIPESTATUS[0]}"`], { cwd: dir, encoding: 'utf8' });
    assert.deepEqual(r.stdout.trim().split('\n'), ['big.md:4:1 warning list-numbering List numbering: expected 2, found 3.', 'status=1']);
    const stderr = fs.readFileSync(path.join(dir, 'err.txt'), 'utf8');
    assert.doesNotMatch(stderr, /EPIPE|Error|\n\s+at /);
  });
});
