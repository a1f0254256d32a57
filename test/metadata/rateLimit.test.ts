import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { BackgroundFetch } from '../../server/src/backgroundFetch';
import { insertPaperCommand } from '../../server/src/insertPaperCommand';
import { ArxivClient } from '../../server/src/metadata/arxivClient';
import { MetadataStore } from '../../server/src/metadata/metadataStore';
import { SurveyorLanguageService } from '../../server/src/service/languageService';
import { defaultSettings } from '../../shared/settings';
import { FakeArxiv, FakeClock, feed, type PaperFixture } from '../support/fakeArxiv';

const papers: PaperFixture[] = [{ id: '2402.01234', title: 'A Paper Nobody Has Cached', authors: ['Ada Lovelace'] }];
const FOREVER = { status: 429, body: 'slow down', headers: { 'retry-after': '999999999' } };
const total = (sleeps: number[]) => sleeps.reduce((a, b) => a + b, 0);

describe('waiting when arXiv asks to slow down (429/503)', () => {
  let clock: FakeClock;
  let arxiv: FakeArxiv;
  let endpoint: string;
  const client = () => new ArxivClient(endpoint, { clock, log: () => {} });

  before(async () => {
    clock = new FakeClock();
    arxiv = new FakeArxiv(clock, papers);
    endpoint = await arxiv.start();
  });
  after(() => arxiv.stop());
  beforeEach(() => {
    arxiv.requests.length = 0;
    clock.sleeps.length = 0;
    clock.time += 24 * 3600 * 1000;
  });

  it('a Retry-After longer than the allowance fails every batch at once, naming the wait, with one request', async () => {
    arxiv.reply = () => FOREVER;
    const ids = Array.from({ length: 250 }, (_, i) => `2305.${String(10000 + i)}`);
    const outcome = await client().fetchRecords(ids);
    assert.equal(arxiv.requests.length, 1, 'the batches after the first are not sent while arXiv asked for a pause');
    assert.equal(outcome.failed.size, 250);
    assert.match(outcome.failed.get('2305.10000')!, /arXiv answered 429 and asked to wait 11574 days \(Retry-After\), longer than Surveyor waits .*; not fetched/);
    assert.ok(total(clock.sleeps) < 10_000, `waited ${total(clock.sleeps)} ms of virtual time`);
  });

  it('waits as asked within the allowance, and no longer than the allowance in all', async () => {
    arxiv.reply = () => ({ status: 503, body: '', headers: { 'retry-after': '25' } });
    const outcome = await client().fetchRecords(['2402.01234'], { maxBackoffMs: 60_000 });
    // 25 s and 25 s fit in 60 s; a third 25 s does not.
    assert.equal(arxiv.requests.length, 3);
    assert.ok(total(clock.sleeps) <= 60_000 + 3000, `waited ${total(clock.sleeps)} ms`);
    assert.match(outcome.failed.get('2402.01234')!, /asked to wait 25 s \(Retry-After\), longer than Surveyor waits \(10 s left for this fetch\)/);
  });

  it('Insert Paper gives up within a few seconds with the reason, and answers even when arXiv never does', async () => {
    const settings = defaultSettings();
    settings.arxiv.endpoint = endpoint;
    const metadata = { store: new MetadataStore({ snapshot: new Map(), endpoint, clock, log: () => {} }), client: client(), cache: undefined };
    const background = new BackgroundFetch({ metadata, settingsFor: () => settings, idsOf: async () => [], startProgress: async () => undefined, changed: () => {}, log: () => {} });
    const service = new SurveyorLanguageService({ settings: { settingsFor: () => settings }, logger: { log: () => {} }, metadata: metadata.store });
    const document = TextDocument.create('file:///s/README.md', 'markdown', 1, '# S\n\n1. One. _Doe, J._ arXiv 2023. [[paper](https://arxiv.org/abs/2305.16290)]\n');
    const deps = { service, metadata, background, surveyDocument: async () => document, applyEdits: async () => ({ applied: true }), answerWithinMs: 200 };
    const args = { uri: document.uri, position: { line: 3, character: 0 }, reference: '2402.01234' };

    arxiv.reply = () => FOREVER;
    const message = await insertPaperCommand(deps, args);
    assert.match(message!, /no metadata for arXiv 2402\.01234: arXiv answered 429 and asked to wait 11574 days/);
    assert.ok(total(clock.sleeps) <= 3000 + 3000, `waited ${total(clock.sleeps)} ms of virtual time`);

    // An answer that never comes: the command says so and the fetch goes on.
    clock.time += 24 * 3600 * 1000;
    metadata.store.configure({ client: undefined, endpoint: `${endpoint}?fresh`, cacheDays: 30 });
    settings.arxiv.endpoint = `${endpoint}?fresh`;
    arxiv.reply = (ids) => ({ body: feed(papers.filter((p) => ids.includes(p.id))), delayMs: 1000 });
    assert.match((await insertPaperCommand(deps, args))!, /arXiv has not answered yet; the paper is still being fetched, so try again in a moment/);
  });
});
