import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { GAPPY, GAPPY_FIXED, cli, repo } from './support';

describe('surveyor check: the names it is given', () => {
  it('a folder whose name holds a line break or an escape sequence: one line each on stderr, no workflow command, no escape', async () => {
    const dir = repo({});
    for (const name of ['x\n::error file=pwn::x', 'y\u001b[2J\u001b]0;title\u0007']) {
      fs.mkdirSync(path.join(dir, name));
      const r = await cli(['check', name], dir);
      assert.equal(r.status, 2);
      assert.equal(r.stderr.split('\n').length, 1, JSON.stringify(r.stderr));
      assert.match(r.stderr, /^surveyor: .*: no survey files in this folder/);
      assert.doesNotMatch(r.stderr, /\u001b|\u0007/);
    }
  });

  it('a link and its target are one file: checked once, and --fix writes it once', async () => {
    const dir = repo({ 'README.md': GAPPY });
    fs.mkdirSync(path.join(dir, 'docs'));
    fs.symlinkSync(path.join('..', 'README.md'), path.join(dir, 'docs', 'README.md'));
    assert.equal((await cli(['check', '.'], dir)).stderr, '2 warnings in 1 file');
    const r = await cli(['check', '--fix', 'README.md', 'docs/README.md'], dir);
    assert.deepEqual(r, { status: 0, stdout: '', stderr: 'surveyor: fixed README.md\nno findings in 1 file' });
    assert.equal(fs.readFileSync(path.join(dir, 'README.md'), 'utf8'), GAPPY_FIXED);
  });

  it('in a glob on POSIX, "\\" escapes: docs/\\*[ab].md matches a file named "*a.md" only', { skip: path.sep === '\\' && 'a backslash separates folders on Windows' }, async () => {
    const dir = repo({ 'docs/*a.md': GAPPY, 'docs/xa.md': GAPPY });
    const r = await cli(['check', 'docs/\\*[ab].md'], dir);
    assert.equal(r.stderr, '2 warnings in 1 file');
    assert.match(r.stdout, /^docs\/\*a\.md:5:1 /);
  });
});
