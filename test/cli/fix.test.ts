import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { NotWritten, writeFileInPlace } from '../../server/src/writeFileInPlace';
import { ROOT } from '../support/fixtures';
import { GAPPY, GAPPY_FIXED as FIXED, repo } from './support';

const CLI = path.join(ROOT, 'dist', 'cli.js');

function run(args: string[], cwd: string, as: SpawnSyncOptions = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', ...as });
  return { status: r.status, stdout: String(r.stdout).trim(), stderr: String(r.stderr).trim() };
}

/** Root writes where it likes: permissions are tried as `nobody`, when this process may run the CLI as that user. */
const NOBODY = { uid: 65534, gid: 65534 };
const asOtherUser: SpawnSyncOptions | undefined = (() => {
  if (process.getuid?.() !== 0) return {};
  return spawnSync(process.execPath, [CLI, '--help'], NOBODY).status === 0 ? NOBODY : undefined;
})();

describe('surveyor check --fix writes the file itself', () => {
  it('keeps a byte-order mark', () => {
    const dir = repo({ 'README.md': '\ufeff' + GAPPY });
    assert.equal(run(['check', '--fix', 'README.md'], dir).status, 0);
    assert.deepEqual(fs.readFileSync(path.join(dir, 'README.md')), Buffer.from('\ufeff' + FIXED));
  });

  it('writes in place: hard links, the file’s identity and its mode survive', () => {
    const dir = repo({ 'README.md': GAPPY });
    const file = path.join(dir, 'README.md');
    fs.chmodSync(file, 0o640);
    fs.linkSync(file, path.join(dir, 'linked.md'));
    const before = fs.statSync(file);
    assert.equal(run(['check', '--fix', 'README.md'], dir).status, 0);
    const after = fs.statSync(file);
    assert.equal(after.ino, before.ino, 'the same file, not a new one renamed over it');
    assert.equal(after.mode & 0o777, 0o640);
    assert.equal(fs.readFileSync(path.join(dir, 'linked.md'), 'utf8'), FIXED, 'the hard link sees the fix');
    assert.deepEqual(fs.readdirSync(dir).sort(), ['.git', 'README.md', 'linked.md']);
  });

  it('refuses a read-only file with one clear line, writing nothing', () => {
    const dir = repo({ 'README.md': GAPPY, 'other.md': GAPPY });
    fs.chmodSync(path.join(dir, 'README.md'), 0o444);
    const r = run(['check', '--fix', 'other.md', 'README.md'], dir);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'surveyor: README.md: is read-only, so --fix cannot write its fixes; make it writable or check it without --fix');
    assert.equal(fs.readFileSync(path.join(dir, 'README.md'), 'utf8'), GAPPY);
    assert.equal(fs.readFileSync(path.join(dir, 'other.md'), 'utf8'), GAPPY, 'nothing is written when one file cannot be');

    fs.writeFileSync(path.join(dir, 'clean.md'), FIXED, { mode: 0o444 });
    assert.equal(run(['check', '--fix', 'clean.md'], dir).status, 0, 'a read-only file with nothing to fix is only checked');
  });

  it('refuses what is not a regular file', () => {
    const r = run(['check', '/dev/null'], os.tmpdir());
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'surveyor: /dev/null: is not a regular file (a device or a pipe); not checked');
  });

  it('in a read-only folder: fixes a writable file, and reports one it may not write, never with a stack trace', { skip: asOtherUser === undefined && 'cannot run the CLI as another user here' }, () => {
    const dir = repo({ 'README.md': GAPPY, 'theirs.md': GAPPY });
    fs.chmodSync(path.join(dir, 'README.md'), 0o666);
    fs.chmodSync(path.join(dir, 'theirs.md'), 0o644);
    if (asOtherUser?.uid === undefined) fs.chmodSync(path.join(dir, 'theirs.md'), 0o444);
    fs.chmodSync(dir, 0o555);
    try {
      const fixed = run(['check', '--fix', 'README.md'], dir, asOtherUser);
      assert.equal(fixed.stderr, 'surveyor: fixed README.md\nno findings in 1 file');
      assert.equal(fixed.status, 0);
      assert.equal(fs.readFileSync(path.join(dir, 'README.md'), 'utf8'), FIXED);

      const refused = run(['check', '--fix', 'theirs.md'], dir, asOtherUser);
      assert.equal(refused.status, 2);
      assert.match(refused.stderr, /^surveyor: theirs\.md: (cannot be written \(EACCES\)|is read-only), so --fix cannot write it/);
      assert.doesNotMatch(refused.stderr, /\n\s+at /);
    } finally {
      fs.chmodSync(dir, 0o755);
    }
  });
});

describe('writeFileInPlace', () => {
  it('does not overwrite a file that changed since it was read', () => {
    const dir = repo({ 'README.md': 'changed meanwhile' });
    const file = path.join(dir, 'README.md');
    assert.throws(() => writeFileInPlace(file, Buffer.from('as read'), Buffer.from('fixed')), (e: unknown) => e instanceof NotWritten && /changed on disk since it was read/.test(e.message));
    assert.equal(fs.readFileSync(file, 'utf8'), 'changed meanwhile');
    writeFileInPlace(file, Buffer.from('changed meanwhile'), Buffer.from('short'));
    assert.equal(fs.readFileSync(file, 'utf8'), 'short', 'a shorter content leaves no tail of the old one');
  });
});
