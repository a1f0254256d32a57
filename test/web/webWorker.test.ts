import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CompletionList, Hover } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import { FakeArxiv, FakeClock } from '../support/fakeArxiv';
import { LspClient } from '../support/lspClient';
import { webWorkerServer } from '../support/webWorkerServer';

/**
 * The web worker server has no disk: what the Node server reads itself
 * (`.surveyor.json`, its taxonomy, the arXiv cache) it asks the client for,
 * and the client answers from the workspace's file system (here the disk,
 * in vscode.dev github.dev's). These run the bundle as a browser runs it.
 */
/** A hover's Markdown, its escapes removed. */
const hoverText = (hover: Hover | null) => ((hover?.contents as { value: string } | undefined)?.value ?? '').replace(/\\(?=[^\w\s])/g, '');

function workspace(files: Record<string, string>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'surveyor-webws-')));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const SURVEY = '# Survey\n\n## Vision\n\n1. A paper. _Doe, J._ arXiv 2023. [[paper](https://arxiv.org/abs/2305.16289)]\n3. Another. _Roe, R._ arXiv 2023. [[paper](https://arxiv.org/abs/2301.00001)]\n\n### \n';

describe('the web worker server reads the workspace through the client', () => {
  let client: LspClient;
  let dir: string;
  before(async () => {
    dir = workspace({
      '.surveyor.json': JSON.stringify({ rules: { 'list-numbering': 'error', 'entry-format': 'off' }, taxonomy: 'tree.json' }),
      'tree.json': JSON.stringify({ topLevel: 2, categories: [{ name: 'Vision', children: [{ name: 'Image Captioning From The Tree' }] }] }),
      'README.md': SURVEY,
    });
    client = new LspClient(webWorkerServer());
    await client.initialize({ rootPath: dir });
  });
  after(() => client.stop());

  it('applies .surveyor.json (a rule raised to error) and completes headings from the taxonomy it names', { timeout: 30_000 }, async () => {
    const uri = URI.file(path.join(dir, 'README.md')).toString();
    await client.open(uri, SURVEY);
    const gap = (await client.pullDiagnostics(uri)).find((d) => d.code === 'list-numbering');
    assert.equal(gap?.severity, 1, 'list-numbering is an error, as .surveyor.json says');
    // Under "## Vision", tree.json's child of Vision; the shipped taxonomy has no such category.
    const line = SURVEY.split('\n').indexOf('### ');
    const completions = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line, character: 4 } });
    const labels = completions.items.map((item) => item.label);
    assert.ok(labels.includes('Image Captioning From The Tree'), `the category from tree.json among ${labels.join(', ')}`);
    await client.close(uri);
  });

  it('says plainly what is wrong with a malformed .surveyor.json, naming it', { timeout: 30_000 }, async () => {
    const broken = workspace({ 'sub/.surveyor.json': '{ "rules": ', 'sub/README.md': SURVEY });
    fs.mkdirSync(path.join(broken, '.git'));
    const uri = URI.file(path.join(broken, 'sub', 'README.md')).toString();
    await client.open(uri, SURVEY);
    await client.pullDiagnostics(uri);
    const config = path.join(broken, 'sub', '.surveyor.json');
    await client.until(() => client.shownMessages.some((m) => m.includes(config)));
    assert.ok(client.shownMessages.some((m) => m === `Surveyor: ${config}: not valid JSON (line 1, column 12); using the defaults.`), client.shownMessages.join('\n'));
    await client.close(uri);
  });
});

describe('the web worker server and arXiv', () => {
  it('shows what the cache in global storage knows, and says plainly when the browser cannot reach arXiv', { timeout: 30_000 }, async () => {
    const dir = workspace({});
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'surveyor-webcache-'));
    const record = { id: '2305.16289', title: 'A Title Only The Cache Knows', authors: ['Jane Doe'], published: '2023-05-25T00:00:00Z', updated: '2023-05-25T00:00:00Z', summary: '' };
    fs.writeFileSync(path.join(cacheDir, 'arxiv-cache.json'), JSON.stringify({ format: 2, endpoints: { 'https://export.arxiv.org/api/query': { [record.id]: { record, fetchedAt: Date.now() } } } }));
    const client = new LspClient(webWorkerServer());
    client.settings = { arxiv: { online: true } };
    try {
      await client.initialize({ rootPath: dir, cacheDir });
      const uri = URI.file(path.join(dir, 'README.md')).toString();
      await client.open(uri, SURVEY);
      const lines = SURVEY.split('\n');
      const at = (id: string) => ({ line: lines.findIndex((l) => l.includes(id)), character: lines.find((l) => l.includes(id))!.indexOf(id) });
      await client.until(() => client.refreshes > 0); // the cache, read through the client, arrived
      const cached = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: at('2305.16289') });
      assert.match(hoverText(cached), /A Title Only The Cache Knows/);
      // A paper neither the snapshot nor the cache knows: the fetch fails as a browser's does when it blocks the request.
      await client.until(() => client.logs.some((m) => m.includes('a batch of 1 ids failed')));
      const unknown = hoverText(await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: at('2301.00001') }));
      assert.match(unknown, /the last fetch failed: cannot reach arXiv \(Failed to fetch\); live metadata is not available in the browser here/);
      // Insert Paper from arXiv works from what the cache and the snapshot know, with arXiv out of reach.
      const end = { line: lines.length - 1, character: 0 };
      for (const [reference, title] of [
        ['2305.16289', 'A Title Only The Cache Knows'],
        ['https://arxiv.org/abs/2007.06949', 'Deep Transformer based Data Augmentation with Subword Units for Morphologically Rich Online ASR'],
      ]) {
        const applied = client.appliedEdits.length;
        await client.request('workspace/executeCommand', { command: 'surveyor.server.insertPaper', arguments: [{ uri, position: end, reference }] });
        await client.until(() => client.appliedEdits.length > applied);
        assert.match(JSON.stringify(client.appliedEdits.at(-1)), new RegExp(title), reference);
      }
    } finally {
      await client.stop();
    }
  });

  it('fetches with the browser fetch when arXiv answers, and keeps the record in global storage through the client', { timeout: 30_000 }, async () => {
    const arxiv = new FakeArxiv(new FakeClock(), [{ id: '2301.00001', title: 'Fetched In The Browser', authors: ['Rita Roe'] }]);
    const endpoint = await arxiv.start();
    const dir = workspace({});
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'surveyor-webcache-'));
    const client = new LspClient(webWorkerServer({ fetch: globalThis.fetch }));
    client.settings = { arxiv: { online: true, endpoint } };
    try {
      await client.initialize({ rootPath: dir, cacheDir });
      const uri = URI.file(path.join(dir, 'README.md')).toString();
      await client.open(uri, SURVEY);
      const cacheFile = path.join(cacheDir, 'arxiv-cache.json');
      await client.until(() => fs.existsSync(cacheFile));
      assert.equal(arxiv.requests.length, 1, 'one request for the papers of the survey');
      assert.deepEqual(arxiv.requests[0]!.ids.sort(), ['2301.00001', '2305.16289']);
      const cache = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as { endpoints: Record<string, Record<string, { record: { title: string } }>> };
      assert.equal(cache.endpoints[endpoint]!['2301.00001']!.record.title, 'Fetched In The Browser');
    } finally {
      await client.stop();
      await arxiv.stop();
    }
  });
});
