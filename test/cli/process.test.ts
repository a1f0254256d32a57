import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../support/fixtures';
import { GAPPY, repo } from './support';

const CLI = path.join(ROOT, 'dist', 'cli.js');

describe('surveyor as a process (dist/cli.js)', () => {
  it('output that cannot be written (a full disk) is exit 2, with one line that says so, not the findings’ status', { skip: !fs.existsSync('/dev/full') && 'no /dev/full here' }, () => {
    const dir = repo({ 'README.md': GAPPY, 'clean.md': '# S\n' });
    const full = fs.openSync('/dev/full', 'w');
    try {
      for (const file of ['README.md', 'clean.md']) {
        const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', file], { cwd: dir, encoding: 'utf8', stdio: ['ignore', full, 'pipe'] });
        assert.equal(r.status, 2, `${file}: ${r.stderr}`);
        assert.match(r.stderr, /^surveyor: cannot write the output \(ENOSPC\)$/m);
        assert.doesNotMatch(r.stderr, /\n\s+at /);
      }
    } finally {
      fs.closeSync(full);
    }
  });
});
