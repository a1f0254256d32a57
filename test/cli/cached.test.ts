import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { USAGE } from '../../server/src/cliArgs';
import { CACHE_FILE_NAME, cacheOnDisk } from '../../server/src/metadata/cacheOnDisk';
import { MetadataCache } from '../../server/src/metadata/metadataCache';
import { INSTAGEN } from '../support/arxivRecords';
import { FakeArxiv, FakeClock } from '../support/fakeArxiv';
import { cli, repo } from './support';

// 2305.16289 is in the bundled snapshot; 2310.01234 is a paper of this test's own, known only to the cache it writes.
const SURVEY =
  '# S\n\n1. Diversify Your Vision Datasets with Automatic Diffusion-Based Augmentation. _Dunlap, L. et al._ arXiv 2023. [[paper](https://arxiv.org/abs/2305.16289)]\n' +
  '2. A study of things. _Lee, A. et al._ arXiv 2023. [[paper](https://arxiv.org/abs/2310.01234)]\n';
const CACHED = { ...INSTAGEN, id: '2310.01234', title: 'A Study of Things, as arXiv Has It', authors: ['Ann Lee', 'Bo Chen'], journalRef: 'Findings of ACL 2024' };

describe('surveyor check: papers without metadata, and --cached', () => {
  let arxiv: FakeArxiv;
  let endpoint: string;
  let dir: string;
  before(async () => {
    arxiv = new FakeArxiv(new FakeClock(), []);
    endpoint = await arxiv.start();
    dir = repo({ 'README.md': SURVEY }, 'surveyor-cached-cli-');
    // The cache as `surveyor fetch` leaves it, for this endpoint.
    const cache = new MetadataCache(cacheOnDisk(path.join(dir, 'cache', CACHE_FILE_NAME)), (m) => assert.fail(m));
    cache.put(endpoint, CACHED, Date.now());
    assert.ok(await cache.save());
  });
  after(() => arxiv.stop());

  it('offline, the summary counts the papers the bundled snapshot does not know, and says how to read more', async () => {
    const r = await cli(['check', '--endpoint', endpoint, '--cache-dir', path.join(dir, 'cache'), 'README.md'], dir);
    assert.equal(r.stdout, '', 'the cache is not read offline');
    assert.equal(r.stderr, 'no findings in 1 file; 1 paper without arXiv metadata (offline: only the bundled snapshot was read; --online or --cached to use more)');
    assert.equal(arxiv.requests.length, 0);
  });

  it('--cached reads the cache (the metadata checks use it) and fetches nothing', async () => {
    const r = await cli(['check', '--cached', '--endpoint', endpoint, '--cache-dir', path.join(dir, 'cache'), 'README.md'], dir);
    assert.deepEqual(r.stdout.split('\n').sort(), [
      `README.md:4:40 info preprint-published Published as Findings of ACL 2024 (journal reference on arXiv: "Findings of ACL 2024"): the entry says arXiv 2023.`,
      `README.md:4:4 info title-mismatch Title differs from arXiv's for 2310.01234: arXiv has "A Study of Things, as arXiv Has It".`,
    ].sort());
    assert.equal(r.stderr, '2 info in 1 file; 0 papers without arXiv metadata (from the cache and the bundled snapshot; --online to fetch them)');
    assert.equal(arxiv.requests.length, 0, 'nothing fetched');
    assert.equal(r.status, 0);
  });

  it('--cached without a cache says so, and reads the snapshot', async () => {
    const missing = path.join(dir, 'no-cache');
    const r = await cli(['check', '--cached', '--endpoint', endpoint, '--cache-dir', missing, 'README.md'], dir);
    assert.deepEqual(r.stderr.split('\n'), [
      `surveyor: --cached: no arXiv cache at ${path.join(missing, CACHE_FILE_NAME)} (surveyor fetch fills it); only the bundled snapshot is read`,
      'no findings in 1 file; 1 paper without arXiv metadata (from the cache and the bundled snapshot; --online to fetch them)',
    ]);
    assert.ok(!fs.existsSync(missing), 'nothing written');
    assert.equal(arxiv.requests.length, 0);
  });

  it('--cached is an option of check, not with --online; the usage names it', async () => {
    const both = await cli(['check', '--cached', '--online', 'README.md'], dir);
    assert.equal(both.status, 2);
    assert.equal(both.stderr, 'surveyor: --online and --cached together: --online reads the cache too, and fetches what it lacks; give one; see surveyor --help');
    assert.equal((await cli(['fetch', '--cached', 'README.md'], dir)).stderr, 'surveyor: unknown option "--cached" (--cached is an option of surveyor check); see surveyor --help');
    assert.match(USAGE, /--cached {13}read the arXiv cache/);
  });
});
