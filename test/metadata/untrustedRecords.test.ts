import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { ArxivClient } from '../../server/src/metadata/arxivClient';
import { cacheOnDisk } from '../../server/src/metadata/cacheOnDisk';
import { MetadataCache } from '../../server/src/metadata/metadataCache';
import { MetadataStore } from '../../server/src/metadata/metadataStore';
import { SurveyorLanguageService } from '../../server/src/service/languageService';
import { defaultSettings } from '../../shared/settings';
import { document } from '../support/fixtures';
import { FakeArxiv, FakeClock, feed, type PaperFixture } from '../support/fakeArxiv';

const ID = '2402.01234';
const papers: PaperFixture[] = [{ id: ID, title: 'The Real Title', authors: ['Ada Lovelace'], abstract: 'Real.' }];
const hostilePapers: PaperFixture[] = [{ id: ID, title: 'Hostile Title', authors: ['Mallory'] }];
/** Control characters, bidi controls and terminal escapes: none may survive into a record. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const SURVEY = `1. The Real Title. _Lovelace, A._ arXiv 2024. [[paper](https://arxiv.org/abs/${ID})]\n`;

describe('records from outside: redirects, endpoints, tampered caches, control characters', () => {
  let clock: FakeClock;
  let arxiv: FakeArxiv;
  let hostile: FakeArxiv;
  let endpoint: string;
  let hostileEndpoint: string;
  const log = () => {};
  const tempCache = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'surveyor-untrusted-')), 'arxiv-cache.json');
  const store = (file: string, at: string) => {
    const s = new MetadataStore({ snapshot: new Map(), cache: new MetadataCache(cacheOnDisk(file), log), endpoint: at, clock, log });
    s.configure({ client: new ArxivClient(at, { clock, log }), endpoint: at, cacheDays: 30 });
    return s;
  };
  const hoverText = (s: MetadataStore) => {
    const service = new SurveyorLanguageService({ settings: { settingsFor: () => defaultSettings() }, logger: { log }, metadata: s });
    return (service.getHover(document(SURVEY), { line: 0, character: SURVEY.indexOf(ID) })!.contents as { value: string }).value;
  };

  before(async () => {
    clock = new FakeClock();
    arxiv = new FakeArxiv(clock, papers);
    hostile = new FakeArxiv(clock, hostilePapers);
    endpoint = await arxiv.start();
    hostileEndpoint = await hostile.start();
  });
  after(() => Promise.all([arxiv.stop(), hostile.stop()]));
  beforeEach(() => {
    arxiv.requests.length = 0;
    hostile.requests.length = 0;
    arxiv.reply = (ids) => ({ body: feed(papers.filter((p) => ids.includes(p.id))) });
  });

  it('does not follow a redirect to another site, so the ids are not sent there', async () => {
    arxiv.reply = (ids) => ({ status: 302, body: '', headers: { location: `${hostileEndpoint}?id_list=${ids.join(',')}` } });
    const outcome = await new ArxivClient(endpoint, { clock, log }).fetchRecords([ID]);
    assert.equal(hostile.requests.length, 0);
    assert.match(outcome.failed.get(ID)!, /redirected to another site \(http:\/\/127\.0\.0\.1:\d+\); not followed/);
  });

  it('follows a redirect within the same site, a bounded number of times', async () => {
    arxiv.reply = (ids, n) => (n === 1 ? { status: 301, body: '', headers: { location: `/api/query?id_list=${ids.join(',')}&max_results=1` } } : { body: feed(papers) });
    assert.equal((await new ArxivClient(endpoint, { clock, log }).fetchRecords([ID])).records.get(ID)?.title, 'The Real Title');

    arxiv.requests.length = 0;
    arxiv.reply = () => ({ status: 307, body: '', headers: { location: '/api/query?again' } });
    const outcome = await new ArxivClient(endpoint, { clock, log }).fetchRecords([ID]);
    assert.match(outcome.failed.get(ID)!, /more than 5 redirects/);
    assert.equal(arxiv.requests.length, 6);
  });

  it('keeps what each endpoint answered apart: a switch back never shows the other endpoint’s records', async () => {
    const file = tempCache();
    const s = store(file, hostileEndpoint);
    await s.fetch([ID]);
    assert.match(hoverText(s), /Hostile Title/);

    s.configure({ client: new ArxivClient(endpoint, { clock, log }), endpoint, cacheDays: 30 });
    assert.doesNotMatch(hoverText(s), /Hostile Title/, 'in this session');
    assert.doesNotMatch(hoverText(store(file, endpoint)), /Hostile Title/, 'after a restart');
    assert.deepEqual(store(file, endpoint).wanted([ID]), [ID], 'what the other endpoint said does not count as cached');
    await s.fetch([ID]);
    assert.match(hoverText(store(file, endpoint)), /The Real Title/);
  });

  it('strips control characters, bidi controls and terminal escapes from what the network says', async () => {
    const evil = '\u001b]8;;https://evil.example\u0007Click\u001b]8;;\u0007 \u001b[31mred\u001b[0m \u202eevil\u202c \u009b2J end\u0085x';
    arxiv.reply = () => ({ body: feed([{ id: ID, title: evil, authors: [evil], abstract: evil, comment: evil, journalRef: evil }]) });
    const record = (await new ArxivClient(endpoint, { clock, log }).fetchRecords([ID])).records.get(ID)!;
    for (const text of [record.title, record.authors[0]!, record.abstract!, record.comment!, record.journalRef!]) {
      assert.doesNotMatch(text, UNSAFE, JSON.stringify(text));
      assert.equal(text, 'Click red evil end x', 'the printable text is kept');
    }
  });

  it('checks every field read from the cache as a network answer: no live link or HTML in the hover, no throw on wrong types', async () => {
    const file = tempCache();
    await store(file, endpoint).fetch([ID]);
    tamper(file, ID, {
      title: 'Title \u202eevil\u202c \u001b[2J<img src=x onerror=alert(1)> [Run](command:workbench.action.terminal.new)',
      authors: ['<img src=y>', '[a](command:x)'],
      published: '[Run](command:workbench.action.terminal.new)',
      updated: '<img src=x onerror=alert(1)>',
      primaryCategory: '[x](https://evil.example)',
      doi: 'https://evil.example',
    });
    const shown = hoverText(store(file, endpoint));
    assert.doesNotMatch(shown, /<img|\]\(command:|evil\.example\)/);
    assert.doesNotMatch(shown.replace(/\n/g, ' '), UNSAFE);
    for (const [, url] of shown.matchAll(/\]\(([^)]*)\)/g)) assert.match(url!, /^https:\/\/arxiv\.org\/(abs|pdf)\/2402\.01234$/, 'the only links are to arXiv');
    assert.match(shown, /Title evil/, 'the text itself is still shown');

    tamper(file, ID, { abstract: 5, version: 'x', authors: [1, 2] });
    const s = store(file, endpoint);
    assert.doesNotThrow(() => hoverText(s));
    assert.equal(s.lookup(ID).kind, 'unknown', 'a record with a field of the wrong type is not used');
  });
});

/** Edits the cached record of `id` in the file, wherever the format keeps it. */
function tamper(file: string, id: string, fields: Record<string, unknown>): void {
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const record = (node as { record?: { id?: unknown } }).record;
    if (record && record.id === id) Object.assign(record, fields);
    else Object.values(node).forEach(visit);
  };
  visit(json);
  fs.writeFileSync(file, JSON.stringify(json));
}
