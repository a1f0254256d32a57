import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ArxivClient } from '../../server/src/metadata/arxivClient';
import { cacheOnDisk } from '../../server/src/metadata/cacheOnDisk';
import { MetadataCache } from '../../server/src/metadata/metadataCache';
import { MetadataStore } from '../../server/src/metadata/metadataStore';
import { loadSnapshot } from '../../server/src/metadata/snapshot';
import { document } from '../support/fixtures';
import { FakeArxiv, FakeClock, feed, type PaperFixture } from '../support/fakeArxiv';
import { SurveyorLanguageService } from '../../server/src/service/languageService';
import { defaultSettings } from '../../shared/settings';

const papers: PaperFixture[] = [{ id: '2305.16289', title: 'Diversify Your Vision Datasets', authors: ['Lisa Dunlap', 'Alyssa Umino'], abstract: 'We augment.' }];

describe('metadata store and cache', () => {
  let clock: FakeClock;
  let arxiv: FakeArxiv;
  let endpoint: string;
  const logs: string[] = [];
  const log = (m: string) => logs.push(m);
  const tempCache = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'surveyor-store-')), 'arxiv-cache.json');
  const store = (file: string, online = true) => {
    const s = new MetadataStore({ snapshot: loadSnapshot(), cache: new MetadataCache(cacheOnDisk(file), log), endpoint, clock, log });
    s.configure({ client: online ? new ArxivClient(endpoint, { clock, log }) : undefined, endpoint, cacheDays: 30 });
    return s;
  };

  before(async () => {
    clock = new FakeClock();
    arxiv = new FakeArxiv(clock, papers);
    endpoint = await arxiv.start();
  });
  after(() => arxiv.stop());

  it('knows the reference survey offline from the bundled snapshot', () => {
    const s = store(tempCache(), false);
    const state = s.lookup('2304.05469');
    assert.equal(state.kind, 'known');
    assert.equal(state.kind === 'known' && state.source, 'snapshot');
    assert.equal(loadSnapshot().size, 88);
  });

  it('keeps what it fetched across a restart, in a cache written atomically', async () => {
    const file = tempCache();
    await store(file).fetch(['2305.16289']);
    assert.deepEqual(fs.readdirSync(path.dirname(file)), ['arxiv-cache.json'], 'no temporary file left behind');
    const requests = arxiv.requests.length;
    const restarted = store(file);
    const state = restarted.lookup('2305.16289');
    assert.equal(state.kind === 'known' && state.source, 'cache');
    assert.deepEqual(restarted.wanted(['2305.16289']), [], 'a fresh cached record is not fetched again');
    await restarted.fetch(['2305.16289']);
    assert.equal(arxiv.requests.length, requests);
    clock.time += 31 * 24 * 3600 * 1000;
    assert.deepEqual(restarted.wanted(['2305.16289']), ['2305.16289'], 'older than cacheDays: refreshed when online');
  });

  it('sets a corrupt cache aside, says so, and starts a new one', async () => {
    const file = tempCache();
    fs.writeFileSync(file, '{"format": 1, "records": {"2305.16289": tru');
    logs.length = 0;
    const s = store(file);
    assert.match(logs[0]!, /was unreadable .* set aside as .*corrupt-/);
    assert.equal(fs.readdirSync(path.dirname(file)).filter((f) => f.includes('.corrupt-')).length, 1);
    await s.fetch(['2305.16289']);
    assert.equal(JSON.parse(fs.readFileSync(file, 'utf8')).endpoints[endpoint]['2305.16289'].record.title, 'Diversify Your Vision Datasets');
  });

  it('answers a hover at once while a slow fetch is under way, and with the data after it', async () => {
    arxiv.reply = (ids) => ({ body: feed(papers.filter((p) => ids.includes(p.id))), delayMs: 300 });
    const s = store(tempCache());
    const service = new SurveyorLanguageService({ settings: { settingsFor: () => defaultSettings() }, logger: { log }, metadata: s });
    const doc = document('1. Diversify. _Dunlap, L. et al._ arXiv 2023. [[paper](https://arxiv.org/abs/2305.16289)]\n');
    const position = { line: 0, character: 60 };
    let fetched = false;
    const fetching = s.fetch(['2305.16289']).then(() => (fetched = true));
    const during = service.getHover(doc, position)!;
    assert.equal(fetched, false, 'the hover was answered before the fetch finished');
    assert.match((during.contents as { value: string }).value, /fetching…/);
    await fetching;
    const afterwards = (service.getHover(doc, position)!.contents as { value: string }).value;
    assert.match(afterwards, /\*\*Diversify Your Vision Datasets\*\*/);
    assert.match(afterwards, /Lisa Dunlap, Alyssa Umino/);
  });
});
