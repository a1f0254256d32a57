import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FakeArxiv, FakeClock, feed } from '../support/fakeArxiv';
import { REFERENCE_SURVEY, ROOT } from '../support/fixtures';

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

/** A loopback arXiv that knows one paper (2305.16289, under another title than the survey's), and a checkout holding `readme`. */
async function arxivAndCheckout(readme: string): Promise<{ arxiv: FakeArxiv; endpoint: string; dir: string }> {
  const arxiv = new FakeArxiv(new FakeClock(), [{ id: '2305.16289', title: 'The Real Title From arXiv', authors: ['Lisa Dunlap'] }]);
  const endpoint = await arxiv.start();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'surveyor-online-cli-'));
  fs.mkdirSync(path.join(dir, '.git'));
  fs.writeFileSync(path.join(dir, 'README.md'), readme);
  return { arxiv, endpoint, dir };
}

describe('surveyor check --online and surveyor fetch', () => {
  let arxiv: FakeArxiv;
  let endpoint: string;
  let dir: string;
  before(async () => {
    ({ arxiv, endpoint, dir } = await arxivAndCheckout(SURVEY));
  });
  after(() => arxiv.stop());

  it('without --online, sends nothing, reads no cache, and checks titles against the bundled snapshot only (as the editor does)', async () => {
    // A cache that holds another title for the same paper (as a fetch from this endpoint left it): offline, it is not read.
    const poisoned = path.join(dir, 'cache0');
    assert.equal((await run(['fetch', '--endpoint', endpoint, '--cache-dir', poisoned, 'README.md'], dir)).status, 0);
    assert.match(fs.readFileSync(path.join(poisoned, 'arxiv-cache.json'), 'utf8'), /The Real Title From arXiv/);
    const requests = arxiv.requests.length;
    const r = await run(['check', '--endpoint', endpoint, '--cache-dir', poisoned, 'README.md'], dir);
    assert.equal(arxiv.requests.length, requests, 'nothing sent');
    assert.equal(r.stdout, `README.md:3:4 info title-mismatch Title differs from arXiv's for 2305.16289: arXiv has "Diversify Your Vision Datasets with Automatic Diffusion-Based Augmentation".`);
    assert.equal(r.status, 0, 'an info finding does not fail the run by default');
    // 2305.99999 is not in the snapshot: counted, with how to read more.
    assert.equal(r.stderr, '1 info in 1 file; 1 paper without arXiv metadata (offline: only the bundled snapshot was read; --online or --cached to use more)');
  });

  it('--online fetches what is unknown, with progress on stderr, and checks titles', async () => {
    const cache = path.join(dir, 'cache1');
    const r = await run(['check', '--online', '--endpoint', endpoint, '--cache-dir', cache, 'README.md'], dir);
    assert.equal(r.status, 0);
    assert.match(r.stderr, /fetching arXiv metadata 2\/2/);
    assert.equal(r.stdout, `README.md:3:4 info title-mismatch Title differs from arXiv's for 2305.16289: arXiv has "The Real Title From arXiv".`);
    assert.ok(fs.existsSync(path.join(cache, 'arxiv-cache.json')));
    // 2305.99999 is not on arXiv: said as a count, not passed over in silence.
    assert.match(r.stderr, /\n1 info in 1 file; 1 paper without arXiv metadata$/);
  });

  it('fetch fills the cache, which a later --online run uses without asking again', async () => {
    const cache = path.join(dir, 'cache2');
    const f = await run(['fetch', '--endpoint', endpoint, '--cache-dir', cache, 'README.md'], dir);
    assert.equal(f.status, 0);
    assert.equal(f.stdout, `2 papers named: 1 fetched from arXiv, 1 not on arXiv; cache written: ${path.join(cache, 'arxiv-cache.json')}`);
    assert.match(f.stderr, /arXiv has no paper with the id 2305\.99999/);
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

describe('surveyor fetch and check --online against an endpoint that fails or misleads', () => {
  let arxiv: FakeArxiv;
  let endpoint: string;
  let dir: string;
  before(async () => {
    ({ arxiv, endpoint, dir } = await arxivAndCheckout(fs.readFileSync(REFERENCE_SURVEY, 'utf8')));
    fs.writeFileSync(path.join(dir, 'survey.md'), SURVEY);
  });
  after(() => arxiv.stop());

  it('fetch offline says that nothing was fetched, names no cache it did not write, and exits 1', async () => {
    const cache = path.join(dir, 'offline-cache');
    const r = await run(['fetch', '--endpoint', 'http://127.0.0.1:9/api/query', '--cache-dir', cache, 'README.md'], dir);
    assert.equal(r.status, 1);
    assert.equal(r.stdout, '88 papers named: 0 fetched from arXiv, 88 could not be fetched; nothing written to the cache');
    assert.match(r.stderr, /88 papers could not be fetched \(cannot reach arXiv .*\): 2304\.05469, .* and 83 more/);
    assert.ok(!fs.existsSync(path.join(cache, 'arxiv-cache.json')));
  });

  it('a Retry-After of 31 years is not waited for: the papers are reported as not fetched at once', { timeout: 20_000 }, async () => {
    arxiv.requests.length = 0;
    arxiv.reply = () => ({ status: 429, body: 'slow down', headers: { 'retry-after': '999999999' } });
    const r = await run(['fetch', '--endpoint', endpoint, '--cache-dir', path.join(dir, 'cache-429'), 'README.md'], dir);
    assert.equal(r.status, 1);
    assert.equal(arxiv.requests.length, 1, 'no retry, no second batch');
    assert.match(r.stderr, /88 papers could not be fetched \(arXiv answered 429 and asked to wait 11574 days \(Retry-After\), longer than Surveyor waits \(60 s left for this fetch\); not fetched\)/);
    const quick = await run(['check', '--online', '--max-wait', '0', '--endpoint', endpoint, '--cache-dir', path.join(dir, 'cache-429'), 'survey.md'], dir);
    assert.match(quick.stderr, /could not be fetched \(arXiv answered 429 .*no more waiting left/);
  });

  it('a file larger than maxFileSize is not read for ids to fetch', async () => {
    arxiv.requests.length = 0;
    const big = fs.mkdtempSync(path.join(os.tmpdir(), 'surveyor-big-cli-'));
    fs.mkdirSync(path.join(big, '.git'));
    fs.writeFileSync(path.join(big, '.surveyor.json'), JSON.stringify({ maxFileSize: 0.001 }));
    fs.writeFileSync(path.join(big, 'README.md'), SURVEY.repeat(20));
    const r = await run(['check', '--online', '--endpoint', endpoint, '--cache-dir', path.join(big, 'cache'), 'README.md'], big);
    assert.equal(arxiv.requests.length, 0);
    assert.match(r.stderr, /README\.md: larger than maxFileSize \(0\.001 MB\); the papers it names are not fetched/);
  });

  it('prints no terminal escape or bidi control that arXiv sent', async () => {
    arxiv.reply = (ids) => ({ body: ids.includes('2305.16289') ? feed([{ id: '2305.16289', title: '\u001b]0;owned\u0007\u001b[2JThe \u202eReal\u202c Title', authors: ['L'] }]) : feed([]) });
    const r = await run(['check', '--online', '--endpoint', endpoint, '--cache-dir', path.join(dir, 'cache-escapes'), path.join(dir, 'survey.md')], dir);
    assert.match(r.stdout, /title-mismatch Title differs from arXiv's for 2305\.16289: arXiv has "The Real Title"/);
    assert.doesNotMatch(r.stdout + r.stderr, /[\u001b\u0007\u009b\u202a-\u202e\u2066-\u2069]/);
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
