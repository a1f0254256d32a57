import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FakeArxiv, FakeClock } from '../support/fakeArxiv';
import { ROOT } from '../support/fixtures';

const CLI = path.join(ROOT, 'dist', 'cli.js');

/** Runs the CLI without blocking this process, which serves the loopback arXiv. */
function run(args: string[], cwd: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout: stdout.trim(), stderr: stderr.trim() }));
  });
}

const SURVEY = '# S\n\n1. A wrong title. _Dunlap, L. et al._ arXiv 2023. [[paper](https://arxiv.org/abs/2305.16289)]\n2. Missing. _Doe, J._ arXiv 2023. [[paper](https://arxiv.org/abs/2305.99999)]\n';

describe('surveyor check --online and surveyor fetch', () => {
  let arxiv: FakeArxiv;
  let endpoint: string;
  let dir: string;
  before(async () => {
    arxiv = new FakeArxiv(new FakeClock(), [{ id: '2305.16289', title: 'The Real Title From arXiv', authors: ['Lisa Dunlap'] }]);
    endpoint = await arxiv.start();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'surveyor-online-cli-'));
    fs.mkdirSync(path.join(dir, '.git'));
    fs.writeFileSync(path.join(dir, 'README.md'), SURVEY);
  });
  after(() => arxiv.stop());

  it('without --online, sends nothing and checks no titles', async () => {
    const r = await run(['check', '--endpoint', endpoint, '--cache-dir', path.join(dir, 'cache0'), 'README.md'], dir);
    assert.equal(r.stdout, '');
    assert.equal(arxiv.requests.length, 0);
  });

  it('--online fetches what is unknown, with progress on stderr, and checks titles', async () => {
    const cache = path.join(dir, 'cache1');
    const r = await run(['check', '--online', '--endpoint', endpoint, '--cache-dir', cache, 'README.md'], dir);
    assert.equal(r.status, 0);
    assert.match(r.stderr, /fetching arXiv metadata 2\/2/);
    assert.equal(r.stdout, `README.md:3:4 info title-mismatch Title differs from arXiv's for 2305.16289: arXiv has "The Real Title From arXiv".`);
    assert.ok(fs.existsSync(path.join(cache, 'arxiv-cache.json')));
  });

  it('fetch fills the cache, which a later --online run uses without asking again', async () => {
    const cache = path.join(dir, 'cache2');
    const f = await run(['fetch', '--endpoint', endpoint, '--cache-dir', cache, 'README.md'], dir);
    assert.equal(f.status, 0);
    assert.equal(f.stdout, `1 of 2 papers known; cache: ${path.join(cache, 'arxiv-cache.json')}`);
    const requests = arxiv.requests.length;
    const r = await run(['check', '--online', '--endpoint', endpoint, '--cache-dir', cache, 'README.md'], dir);
    assert.match(r.stdout, /title-mismatch/);
    assert.equal(arxiv.requests.length, requests + 1, 'only the paper arXiv did not have is asked for again');
  });

  it('an unreachable endpoint is a message, not a failure of the check', async () => {
    const r = await run(['check', '--online', '--endpoint', 'http://127.0.0.1:9/api/query', '--cache-dir', path.join(dir, 'cache3'), 'README.md'], dir);
    assert.equal(r.status, 0);
    assert.match(r.stderr, /could not be fetched/);
  });
});

describe('npm run data:refresh', () => {
  it('regenerates the snapshot from the API for every id in a README, keeping old records for papers not returned', async () => {
    const arxiv = new FakeArxiv(new FakeClock(), [{ id: '2305.16289', title: 'Fresh Title', authors: ['Lisa Dunlap'], abstract: 'Now with an abstract.' }]);
    const endpoint = await arxiv.start();
    try {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'surveyor-refresh-'));
      fs.writeFileSync(path.join(dir, 'README.md'), SURVEY.replace('2305.99999', '2304.05469'));
      const out = path.join(dir, 'snapshot.json');
      const r = await new Promise<{ status: number | null; stderr: string }>((resolve) => {
        // As `npm run data:refresh` runs it: from the repository, where tsx is installed.
        const child = spawn(process.execPath, ['--import', 'tsx', path.join('scripts', 'refresh-snapshot.ts'), path.join(dir, 'README.md'), '--endpoint', endpoint, '--out', out], { cwd: ROOT });
        let stderr = '';
        child.stderr.on('data', (d) => (stderr += d));
        child.on('close', (status) => resolve({ status, stderr }));
      });
      assert.equal(r.status, 0, r.stderr);
      const records = JSON.parse(fs.readFileSync(out, 'utf8')).records as { id: string; title: string; abstract: string | null }[];
      assert.deepEqual(records.map((x) => [x.id, x.title]), [
        ['2304.05469', 'CamDiff: Camouflage Image Augmentation via Diffusion Model'],
        ['2305.16289', 'Fresh Title'],
      ]);
      assert.match(r.stderr, /2304\.05469: not returned by arXiv \(missing\); kept the old record/);
    } finally {
      await arxiv.stop();
    }
  });
});
