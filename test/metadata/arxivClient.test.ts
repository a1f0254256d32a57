import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { ArxivClient, type ArxivClientOptions } from '../../server/src/metadata/arxivClient';
import { FakeArxiv, FakeClock, errorFeed, feed, type PaperFixture } from '../support/fakeArxiv';

const papers: PaperFixture[] = [
  { id: '2401.15422', version: 2, title: 'A Survey on Data Augmentation in Large Model Era', authors: ['Yue Zhou', 'Chenlu Guo'], published: '2024-01-27', updated: '2024-03-04' },
  { id: '2305.16289', title: 'Diversify Your Vision Datasets with Automatic Diffusion-Based Augmentation', authors: ['Lisa Dunlap'] },
  { id: '2007.06949', title: 'Deep Transformer based Data Augmentation', authors: ['Balázs Tarján', 'György Szaszák', 'Tibor Fegyó'], bareLinks: true },
  { id: 'hep-th/9901001', title: '0', authors: ['A. Physicist'], published: '1999-01-04' },
];

describe('arXiv client against a loopback server', () => {
  let clock: FakeClock;
  let arxiv: FakeArxiv;
  let endpoint: string;
  let logs: string[];
  const client = (options: Partial<ArxivClientOptions> = {}) => new ArxivClient(endpoint, { clock, log: (m) => logs.push(m), ...options });

  before(async () => {
    clock = new FakeClock();
    arxiv = new FakeArxiv(clock, papers);
    endpoint = await arxiv.start();
  });
  after(() => arxiv.stop());
  beforeEach(() => {
    arxiv.requests.length = 0;
    logs = [];
    arxiv.reply = (ids) => ({ body: feed(ids.flatMap((id) => papers.filter((p) => p.id === id))) });
  });

  it('reads every field, matches entries by id whatever their order, and sets max_results', async () => {
    arxiv.reply = (ids) => ({ body: feed([...ids].reverse().flatMap((id) => papers.filter((p) => p.id === id))) });
    const outcome = await client().fetchRecords(['2401.15422', '2305.16289', '2007.06949', 'hep-th/9901001']);
    assert.deepEqual(arxiv.requests.map((r) => [r.ids.length, r.maxResults]), [[4, 4]]);
    assert.deepEqual(outcome.records.get('2401.15422'), {
      id: '2401.15422',
      title: 'A Survey on Data Augmentation in Large Model Era',
      authors: ['Yue Zhou', 'Chenlu Guo'],
      published: '2024-01-27',
      updated: '2024-03-04',
      version: 2,
      primaryCategory: 'cs.CL',
      journalRef: null,
      doi: null,
      comment: null,
      abstract: 'An abstract.',
    });
    assert.equal(outcome.records.get('2305.16289')!.authors[0], 'Lisa Dunlap');
    assert.deepEqual(outcome.records.get('2007.06949')!.authors, ['Balázs Tarján', 'György Szaszák', 'Tibor Fegyó'], 'non-ASCII names, links without rel');
    assert.equal(outcome.records.get('hep-th/9901001')!.title, '0', 'a title "0" is a title');
  });

  it('reports ids the answer leaves out as missing, and never sends an id that cannot exist', async () => {
    const outcome = await client().fetchRecords(['2305.16289', '2305.99999', '2313.00001', 'abc']);
    assert.deepEqual(arxiv.requests.map((r) => r.ids), [['2305.16289', '2305.99999']]);
    assert.deepEqual(outcome.missing, ['2305.99999']);
    assert.deepEqual([...outcome.invalid.keys()], ['2313.00001', 'abc']);
    assert.ok(outcome.records.has('2305.16289'));
  });

  it('sends batches of at most 100, one at a time, at least 3 s apart, even from concurrent callers', async () => {
    const ids = Array.from({ length: 250 }, (_, i) => `2305.${String(10000 + i)}`);
    const c = client();
    await Promise.all([c.fetchRecords(ids), c.fetchRecords(['2401.15422']), c.fetchRecords(['2305.16289'])]);
    // The callers' requests take turns in one line; each batch asks for exactly its size.
    assert.deepEqual(arxiv.requests.map((r) => r.maxResults).sort((a, b) => a! - b!), [1, 1, 50, 100, 100]);
    assert.ok(arxiv.requests.every((r) => r.maxResults === r.ids.length));
    assert.ok(arxiv.requests.every((r) => r.concurrent === 1), 'never two requests at once');
    for (let i = 1; i < arxiv.requests.length; i++) assert.ok(arxiv.requests[i]!.at - arxiv.requests[i - 1]!.at >= 3000, `request ${i} came too soon`);
  });

  it('backs off after 429, honouring Retry-After, then succeeds', async () => {
    arxiv.reply = (ids, n) => (n === 1 ? { status: 429, body: 'slow down', headers: { 'retry-after': '7' } } : { body: feed(papers.filter((p) => ids.includes(p.id))) });
    const outcome = await client().fetchRecords(['2305.16289']);
    assert.ok(outcome.records.has('2305.16289'));
    assert.equal(arxiv.requests.length, 2);
    assert.ok(arxiv.requests[1]!.at - arxiv.requests[0]!.at >= 7000, 'waited as Retry-After asked');
    assert.match(logs[0]!, /429; trying again in 7 s/);
  });

  it('backs off after 429 without Retry-After and after 503, and gives up after the retries', async () => {
    arxiv.reply = (ids, n) => (n === 1 ? { status: 429, body: '' } : n === 2 ? { status: 503, body: '' } : { body: feed(papers.filter((p) => ids.includes(p.id))) });
    assert.ok((await client().fetchRecords(['2305.16289'])).records.has('2305.16289'));
    const gaps = arxiv.requests.slice(1).map((r, i) => r.at - arxiv.requests[i]!.at);
    assert.ok(gaps[0]! >= 6000 && gaps[1]! > gaps[0]!, `growing back-off: ${gaps.join(', ')}`);

    arxiv.requests.length = 0;
    arxiv.reply = () => ({ status: 503, body: '' });
    const outcome = await client().fetchRecords(['2305.16289']);
    assert.equal(arxiv.requests.length, 4, 'one try and three retries');
    assert.match(outcome.failed.get('2305.16289')!, /HTTP 503/);
  });

  it('fails the batch, not the process, on a 400 error feed', async () => {
    arxiv.reply = () => ({ status: 400, body: errorFeed('incorrect id format for 2305.16289') });
    const outcome = await client().fetchRecords(['2305.16289']);
    assert.match(outcome.failed.get('2305.16289')!, /rejected the request \(400\): incorrect id format for 2305\.16289/);
  });

  it('gives up on an answer slower than the timeout', async () => {
    arxiv.reply = () => ({ body: feed(papers), delayMs: 1500 });
    const outcome = await client({ timeoutMs: 200 }).fetchRecords(['2305.16289']);
    assert.match(outcome.failed.get('2305.16289')!, /no answer within 0\.2 s/);
  });

  it('rejects truncated and malformed XML, an oversized body and an entity-expansion attempt', async () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/abs/2305.16289v1</id><title>&b;&b;&b;</title></entry></feed>`;
    const answers: [string, RegExp, Partial<ArxivClientOptions>?][] = [
      [feed(papers).slice(0, 400), /./],
      ['<feed><entry><id>x</entry></feed>', /./],
      ['not xml at all', /not an Atom feed|./],
      [feed(papers), /larger than 1000 bytes/, { maxBodyBytes: 1000 }],
      [bomb, /DOCTYPE or entities/],
    ];
    for (const [body, why, options] of answers) {
      arxiv.reply = () => ({ body });
      const outcome = await client(options).fetchRecords(['2305.16289']);
      assert.equal(outcome.records.size, 0, body.slice(0, 40));
      assert.match(outcome.failed.get('2305.16289') ?? '', why, body.slice(0, 40));
    }
  });
});

describe('arXiv client in a browser, where a request may get no answer at all', () => {
  /** A server that drops every connection: what a page sees when the browser blocks the answer (cross-origin rules) or the network is gone. */
  async function droppingServer(): Promise<{ endpoint: string; requests: () => number; close: () => Promise<void> }> {
    const http = await import('node:http');
    let requests = 0;
    const server = http.createServer((request) => {
      requests++;
      request.socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    return { endpoint: `http://127.0.0.1:${port}/api/query`, requests: () => requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
  }

  it('says why with the note, and asks that endpoint no more this session; outside a browser it asks again', async () => {
    const dropping = await droppingServer();
    try {
      const clock = new FakeClock();
      const inBrowser = new ArxivClient(dropping.endpoint, { clock, log: () => {}, browser: { unreachableNote: 'not available in the browser here' } });
      const first = await inBrowser.fetchRecords(['2401.15422']);
      assert.match(first.failed.get('2401.15422')!, /^cannot reach arXiv \(.+\); not available in the browser here$/);
      const second = await inBrowser.fetchRecords(['2305.16289']);
      assert.equal(dropping.requests(), 1, 'the second fetch sent nothing');
      assert.equal(second.failed.get('2305.16289'), first.failed.get('2401.15422'));

      const desktop = new ArxivClient(dropping.endpoint, { clock, log: () => {} });
      await desktop.fetchRecords(['2401.15422']);
      await desktop.fetchRecords(['2305.16289']);
      assert.equal(dropping.requests(), 3, 'a desktop client asks again (the store spaces its retries)');
    } finally {
      await dropping.close();
    }
  });
});
