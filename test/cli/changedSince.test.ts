import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseDiff } from '../../server/src/cliChangedLines';
import { cli, git } from './support';

/** Three list-numbering warnings, on lines 5, 9 and 14. */
const BASE = '# Papers\n\n1. a\n2. b\n4. c\n\n## More\n\n2. d\n3. e\n\n## Last\n\n5. f\n';

/** A real repository: a base commit, then a commit that adds a defect on a new line and renames one file. */
function history(): { dir: string; base: string } {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'surveyor-git-')));
  git(dir, 'init', '-q');
  fs.writeFileSync(path.join(dir, 'README.md'), BASE);
  fs.writeFileSync(path.join(dir, 'old name.md'), BASE);
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'base');
  const base = git(dir, 'rev-parse', 'HEAD');
  // Line 11 is new and misnumbered; lines 5, 9 and 14 (now 15) keep their old defects.
  fs.writeFileSync(path.join(dir, 'README.md'), BASE.replace('3. e\n', '3. e\n7. new\n'));
  git(dir, 'mv', 'old name.md', 'new name.md');
  git(dir, 'commit', '-q', '-am', 'change');
  return { dir, base };
}

describe('surveyor check --changed-since REF', () => {
  it('marks the findings on lines changed since REF and lists them first; a renamed file’s old lines are not changed', async () => {
    const { dir, base } = history();
    const r = await cli(['check', '--changed-since', base, 'README.md', 'new name.md'], dir);
    assert.equal(r.status, 1);
    assert.deepEqual(r.stdout.split('\n').map((line) => `${/^.*?:\d+:\d+/.exec(line)![0]}${line.endsWith(' (changed line)') ? ' changed' : ''}`), [
      'README.md:11:1 changed',
      'README.md:5:1',
      'README.md:9:1',
      'README.md:15:1',
      'new name.md:5:1',
      'new name.md:9:1',
      'new name.md:14:1',
    ]);
    assert.equal(r.stderr, `7 warnings in 2 files (1 on lines changed since ${base})`);
    const json = JSON.parse((await cli(['check', '--format', 'json', '--changed-since', base, 'README.md'], dir)).stdout);
    assert.deepEqual(json.map((f: { line: number; changed: boolean }) => [f.line, f.changed]), [[11, true], [5, false], [9, false], [15, false]]);
    const github = (await cli(['check', '--format', 'github', '--changed-since', 'HEAD~1', 'README.md'], dir)).stdout.split('\n');
    assert.match(github[0]!, /^::warning file=README\.md,line=11,.*title=surveyor list-numbering \(changed line\)::/);
  });

  it('without --changed-since nothing is marked and the order is the file’s', async () => {
    const { dir } = history();
    const r = await cli(['check', '--format', 'json', 'README.md'], dir);
    assert.deepEqual(JSON.parse(r.stdout).map((f: { line: number; changed?: boolean }) => [f.line, f.changed]), [[5, undefined], [9, undefined], [11, undefined], [15, undefined]]);
  });

  it('counts uncommitted edits as changed (git diff REF compares with the working tree)', async () => {
    const { dir } = history();
    fs.writeFileSync(path.join(dir, 'README.md'), fs.readFileSync(path.join(dir, 'README.md'), 'utf8').replace('2. d', '3. d'));
    const r = await cli(['check', '--format', 'json', '--changed-since', 'HEAD', 'README.md'], dir);
    assert.deepEqual(JSON.parse(r.stdout).filter((f: { changed: boolean }) => f.changed).map((f: { line: number }) => f.line), [9]);
  });

  for (const [what, setup, args, message] of [
    ['a commit git does not know', () => undefined, ['--changed-since', 'f00dfeed', 'README.md'], /^surveyor: --changed-since: git does not know the commit "f00dfeed" \(in GitHub Actions, check out with fetch-depth: 0/],
    ['a file git does not track', (dir: string) => fs.writeFileSync(path.join(dir, 'new.md'), BASE), ['--changed-since', 'HEAD', 'new.md'], /^surveyor: new\.md: not tracked by git, so --changed-since cannot tell which of its lines changed$/],
    ['an option for a commit', () => undefined, ['--changed-since', '--output=x', 'README.md'], /^surveyor: --changed-since: "--output=x" is not a commit$/],
  ] as const) {
    it(`${what}: one line, exit 2`, async () => {
      const { dir } = history();
      setup(dir);
      const r = await cli(['check', ...args], dir);
      assert.equal(r.status, 2);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, message);
      assert.equal(r.stderr.split('\n').length, 1);
    });
  }

  it('outside a git repository: one line, exit 2', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'surveyor-nogit-'));
    fs.writeFileSync(path.join(dir, 'README.md'), BASE);
    const r = await cli(['check', '--changed-since', 'HEAD', 'README.md'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^surveyor: --changed-since: git could not find the repository: not a git repository/);
  });

  it('git missing: one line, exit 2', async () => {
    const { dir } = history();
    const path0 = process.env.PATH;
    process.env.PATH = fs.mkdtempSync(path.join(os.tmpdir(), 'surveyor-empty-path-'));
    try {
      const r = await cli(['check', '--changed-since', 'HEAD', 'README.md'], dir);
      assert.deepEqual(r, { status: 2, stdout: '', stderr: 'surveyor: --changed-since needs git, which is not installed (or not on PATH)' });
    } finally {
      process.env.PATH = path0;
    }
  });

  it('reads git’s quoted paths, pure deletions and one-line hunks', () => {
    const diff = [
      'diff --git "a/caf\\303\\251.md" "b/caf\\303\\251.md"',
      '--- "a/caf\\303\\251.md"',
      '+++ "b/caf\\303\\251.md"',
      '@@ -3 +3 @@',
      '-x',
      '+y',
      '@@ -7,2 +6,0 @@',
      '@@ -9,0 +9,2 @@',
      'diff --git a/gone.md b/gone.md',
      '--- a/gone.md',
      '+++ /dev/null',
      '@@ -1,3 +0,0 @@',
    ].join('\n');
    assert.deepEqual([...parseDiff(diff)].map(([file, lines]) => [file, [...lines]]), [['café.md', [3, 9, 10]]]);
  });
  it('reads a name with a space, which git ends with a tab', () => {
    const diff = ['diff --git a/my list.md b/my list.md', 'index 1..2 100644', '--- a/my list.md\t', '+++ b/my list.md\t', '@@ -2 +2 @@', '-x', '+y'].join('\n');
    assert.deepEqual([...parseDiff(diff)].map(([file, lines]) => [file, [...lines]]), [['my list.md', [2]]]);
  });

  it('reads "---" and "+++" as names only before a file’s first hunk: an added "++ x" line is no file', () => {
    const diff = [
      'diff --git a/a.md b/a.md',
      '--- a/a.md',
      '+++ b/a.md',
      '@@ -1 +1,2 @@',
      '-old',
      '+++ x',
      '+--- y',
      '@@ -5,0 +7 @@',
      '+z',
      '\\ No newline at end of file',
      'diff --git a/logo.png b/logo.png',
      'index 1..2 100644',
      'Binary files a/logo.png and b/logo.png differ',
      'diff --git a/b.md b/b.md',
      '--- a/b.md',
      '+++ b/b.md',
      '@@ -3 +3 @@',
      '-- gone',
      '+kept',
    ].join('\n');
    assert.deepEqual([...parseDiff(diff)].map(([file, lines]) => [file, [...lines]]), [['a.md', [1, 2, 7]], ['b.md', [3]]]);
  });

  it('in a real repository: a file named with a space, and no file end without a newline', async () => {
    const { dir, base } = history();
    // Line 11 is new and misnumbered; the last line (15) changes too: it loses its newline.
    fs.writeFileSync(path.join(dir, 'new name.md'), BASE.replace('3. e\n', '3. e\n7. new\n').replace(/\n$/, ''));
    const r = await cli(['check', '--format', 'json', '--changed-since', base, 'new name.md'], dir);
    assert.deepEqual(JSON.parse(r.stdout).filter((f: { changed: boolean }) => f.changed).map((f: { line: number }) => f.line), [11, 15]);
  });

  it('does not merge hunks across unchanged lines, whatever diff.interHunkContext says', async () => {
    const { dir } = history();
    git(dir, 'config', 'diff.interHunkContext', '10');
    // Lines 4 and 10 change; the defects on lines 5 and 9 between them do not.
    fs.writeFileSync(path.join(dir, 'README.md'), fs.readFileSync(path.join(dir, 'README.md'), 'utf8').replace('2. b\n', '2. bb\n').replace('3. e\n', '3. ee\n'));
    const r = await cli(['check', '--format', 'json', '--changed-since', 'HEAD', 'README.md'], dir);
    assert.deepEqual(JSON.parse(r.stdout).map((f: { line: number; changed: boolean }) => [f.line, f.changed]), [[5, false], [9, false], [11, false], [15, false]]);
  });

  it('a file checked through a link added since REF: the target’s changed lines, not the link’s own diff', async () => {
    const { dir, base } = history();
    fs.symlinkSync('README.md', path.join(dir, 'link.md'));
    git(dir, 'add', 'link.md');
    const r = await cli(['check', '--format', 'json', '--changed-since', base, 'link.md'], dir);
    assert.deepEqual(JSON.parse(r.stdout).filter((f: { changed: boolean }) => f.changed).map((f: { line: number }) => f.line), [11]);
  });
});
