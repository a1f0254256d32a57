import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { ROOT } from '../support/fixtures';
import { git } from '../cli/support';

/**
 * The action as GitHub runs it: `node dist/action.js` (build first: `node
 * esbuild.mjs`) in a real repository with a history, the inputs in INPUT_*
 * variables, the event in GITHUB_EVENT_PATH, the job summary a file.
 */
const ACTION = path.join(ROOT, 'dist', 'action.js');

const BASE = '# Papers\n\n1. a\n2. b\n4. c\n\n## More\n\n1. d\n2. e\n';
/** The change: two entries added at the end of "More", misnumbered (lines 11 and 12); line 5's old defect stays. */
const HEAD = BASE + '5. f\n7. g\n';

interface Run {
  status: number | null;
  annotations: string[];
  stdout: string;
  stderr: string;
  summary: string;
}

describe('the GitHub Action (dist/action.js)', () => {
  let dir: string;
  let base: string;
  before(() => {
    assert.ok(fs.existsSync(ACTION), 'dist/action.js is built (node esbuild.mjs)');
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'surveyor-action-')));
    git(dir, 'init', '-q');
    fs.writeFileSync(path.join(dir, 'README.md'), BASE);
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'base');
    base = git(dir, 'rev-parse', 'HEAD');
    fs.writeFileSync(path.join(dir, 'README.md'), HEAD);
    git(dir, 'commit', '-q', '-am', 'add two papers');
  });

  function action(event: object | undefined, inputs: Record<string, string> = {}): Run {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'surveyor-action-run-'));
    const summaryFile = path.join(work, 'step-summary.md');
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summaryFile, GITHUB_WORKSPACE: dir };
    if (event) {
      env.GITHUB_EVENT_PATH = path.join(work, 'event.json');
      fs.writeFileSync(env.GITHUB_EVENT_PATH, JSON.stringify(event));
    }
    // What the runner passes for inputs the workflow leaves out: action.yml's defaults.
    const withDefaults = { files: 'README.md', config: '', 'max-warnings': '', online: 'false', 'fail-on': 'warning', ...inputs };
    for (const [name, value] of Object.entries(withDefaults)) env[`INPUT_${name.toUpperCase()}`] = value;
    const r = spawnSync(process.execPath, [ACTION], { cwd: dir, env, encoding: 'utf8' });
    return {
      status: r.status,
      stdout: r.stdout,
      stderr: r.stderr,
      annotations: r.stdout.split('\n').filter((line) => line.startsWith('::')),
      summary: fs.existsSync(summaryFile) ? fs.readFileSync(summaryFile, 'utf8') : '',
    };
  }

  it('in a pull request: the changed lines’ findings are annotated first, the old defect after; the summary lists them; warnings fail the check', () => {
    const r = action({ pull_request: { number: 1, base: { sha: base } } });
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(r.annotations.map((a) => /line=(\d+),.*title=([^:]*)::/.exec(a)!.slice(1).join(' ')), [
      '11 surveyor list-numbering (changed line)',
      '12 surveyor list-numbering (changed line)',
      '5 surveyor list-numbering',
    ]);
    assert.match(r.stderr, new RegExp(`3 warnings in 1 file \\(2 on lines changed since ${base}\\)`));
    assert.match(r.summary, /^## Surveyor\n\n3 warnings in 1 file; 2 on lines changed since [0-9a-f]{12}\n/);
    assert.match(r.summary, /\| list\\-numbering \| 3 \|/);
    assert.match(r.summary, /### On changed lines\n\n- README\\\.md\\:11 warning list\\-numbering: List numbering\\: expected 3\\, found 5\\\.\n- README\\\.md\\:12 warning list\\-numbering: List numbering\\: expected 6\\, found 7\\\.\n/);
    assert.match(r.summary, /### Elsewhere\n\n\| File \| Line .*\n.*\n\| README\\\.md \| 5 \| warning \| list\\-numbering \|/);
  });

  it('fail-on and max-warnings decide the exit code', () => {
    const pr = { pull_request: { base: { sha: base } } };
    assert.equal(action(pr, { 'max-warnings': '3' }).status, 0);
    assert.equal(action(pr, { 'max-warnings': '2' }).status, 1);
    assert.equal(action(pr, { 'fail-on': 'error' }).status, 0);
  });

  it('on a push (no base): every finding, in the file’s order, none marked; no failure finding a base', () => {
    const r = action({ ref: 'refs/heads/main', after: 'x' }, { 'max-warnings': '-1' });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(r.annotations.map((a) => /line=(\d+)/.exec(a)![1]), ['5', '11', '12']);
    assert.doesNotMatch(r.stdout, /changed line/);
    assert.match(r.summary, /^## Surveyor\n\n3 warnings in 1 file\n/);
    assert.doesNotMatch(r.summary, /changed lines/);
  });

  it('a pull request whose base commit is not in the checkout: exit 2, and an error annotation that says to fetch it', () => {
    const r = action({ pull_request: { base: { sha: 'f'.repeat(40) } } });
    assert.equal(r.status, 2);
    assert.match(r.annotations.at(-1)!, /^::error title=Surveyor::surveyor: --changed-since: git does not know the commit "f{40}" \(in GitHub Actions, check out with fetch-depth: 0/);
  });

  it('several files, one per line, and a config input', () => {
    fs.mkdirSync(path.join(dir, 'ci'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'ci', 'surveyor.json'), JSON.stringify({ rules: { 'list-numbering': 'info' } }));
    const r = action(undefined, { files: 'README.md\n\n  README.md  \n', config: 'ci/surveyor.json' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /3 info in 1 file/);
    assert.equal(r.annotations.length, 3);
    assert.ok(r.annotations.every((a) => a.startsWith('::notice ')));
  });

  it('an invalid config: one error annotation per reason, the reason included (not only "fix the file")', () => {
    fs.mkdirSync(path.join(dir, 'ci'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'ci', 'bad.json'), JSON.stringify({ rules: { 'list-numbering': 'loud' } }));
    const r = action(undefined, { config: 'ci/bad.json' });
    assert.equal(r.status, 2);
    assert.deepEqual(r.annotations.map((a) => a.replace(/::.*?::surveyor: /, '')), [
      'ci/bad.json: rule "list-numbering": severity must be one of off, hint, info, warning, error, found "loud".',
      'ci/bad.json: fix the file (Surveyor does not check with a configuration it cannot apply)',
    ]);
    assert.ok(r.annotations.every((a) => a.startsWith('::error title=Surveyor::')));
  });

  it('the error annotations are bounded, and a name with "%0A" (an escaped line break) stays inside its annotation', () => {
    const names = Array.from({ length: 12 }, (_, i) => `missing ${i}%0A::error ::pwn.md`);
    const r = action(undefined, { files: names.join('\n') });
    assert.equal(r.status, 2);
    assert.equal(r.annotations.length, 10, r.stdout);
    assert.ok(r.annotations.every((a) => a.startsWith('::error title=Surveyor::surveyor: ')), r.stdout);
    assert.equal(r.annotations[0], '::error title=Surveyor::surveyor: missing 0%250A::error ::pwn.md: no such file');
    assert.equal(r.annotations.at(-1), '::error title=Surveyor::surveyor: and 3 more (the log lists them all)');
  });
});
