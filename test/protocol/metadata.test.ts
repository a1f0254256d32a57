import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Hover } from 'vscode-languageserver-protocol';
import { FakeArxiv, FakeClock } from '../support/fakeArxiv';
import { readShared } from '../support/fixtures';
import { LspClient } from '../support/lspClient';

describe('arXiv metadata over the protocol', () => {
  let client: LspClient;
  let dir: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'surveyor-meta-'));
    client = new LspClient();
    await client.initialize({ rootPath: dir });
  });
  after(() => client.stop());

  it('offline, a hover on an arXiv link of the reference survey shows the snapshot title and authors', async () => {
    const text = readShared('seed', 'LLM-data-aug-survey.README.md');
    const uri = `file://${dir}/README.md`;
    await client.open(uri, text);
    const line = text.split('\n').findIndex((l) => l.includes('https://arxiv.org/abs/2007.06949'));
    const character = text.split('\n')[line]!.indexOf('2007.06949');
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /\*\*Deep Transformer based Data Augmentation with Subword Units for Morphologically Rich Online ASR\*\*/);
    assert.match(value, /Balázs Tarján, György Szaszák/);
    assert.match(value, /from the bundled snapshot/);
    assert.match(value, /Listed in: Generated content\\-based approaches \(line 158\), Audio signal processing \(line 250\)/);
    // The snapshot knows the papers renamed since the survey listed them.
    const renamed = (await client.pullDiagnostics(uri)).filter((d) => d.code === 'title-mismatch').map((d) => d.range.start.line + 1);
    assert.ok(renamed.includes(80), `2304.14530 was renamed after v1; title-mismatch on ${renamed.join(', ')}`);
    await client.close(uri);
  });

  it('Insert Paper from arXiv applies the entry through the editor', async () => {
    const uri = `file://${dir}/insert/README.md`;
    await client.open(uri, '## Detection\n1. First. _Doe, J. et al._ arXiv 2023. [[paper](https://arxiv.org/abs/2305.16289)]\n');
    await client.request('workspace/executeCommand', {
      command: 'surveyor.server.insertPaper',
      arguments: [{ uri, position: { line: 1, character: 3 }, reference: 'https://arxiv.org/pdf/2402.05937v1.pdf' }],
    });
    await client.until(() => client.appliedEdits.length > 0);
    const edit = client.appliedEdits[0] as { changes: Record<string, { newText: string }[]> };
    assert.match(edit.changes[uri]![0]!.newText, /^\n2\. InstaGen: Enhancing Object Detection by Training on Synthetic Dataset\. _Feng, C\. et al\._ arXiv 2024\. \[\[paper\]\(https:\/\/arxiv\.org\/abs\/2402\.05937\)\]$/);
    await client.request('workspace/executeCommand', { command: 'surveyor.server.insertPaper', arguments: [{ uri, position: { line: 1, character: 0 }, reference: 'not an id' }] });
    await client.until(() => client.shownMessages.some((m) => m.includes('"not an id" is not an arXiv id or URL')));
    await client.close(uri);
  });
});

describe('arXiv metadata online, against a loopback server', () => {
  let client: LspClient;
  let arxiv: FakeArxiv;
  let dir: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'surveyor-online-'));
    arxiv = new FakeArxiv(new FakeClock(), [{ id: '2305.16289', title: 'The Real Title From arXiv', authors: ['Lisa Dunlap'] }]);
    const endpoint = await arxiv.start();
    client = new LspClient();
    client.settings = { arxiv: { online: true, endpoint } };
    await client.initialize({ rootPath: dir });
  });
  after(async () => {
    await client.stop();
    await arxiv.stop();
  });

  it('fetches unknown papers in the background with progress, then refreshes the diagnostics', async () => {
    const uri = `file://${dir}/README.md`;
    const refreshes = client.refreshes;
    await client.open(uri, '## A\n1. A wrong title. _Dunlap, L. et al._ arXiv 2023. [[paper](https://arxiv.org/abs/2305.16289)]\n');
    await client.until(() => client.progress.some((p) => p.kind === 'end') && client.refreshes > refreshes);
    assert.deepEqual(arxiv.requests.map((r) => r.ids), [['2305.16289']]);
    assert.deepEqual(client.progress.map((p) => p.kind), ['begin', 'report', 'report', 'end']);
    assert.equal(client.progress[0]!.title, 'Fetching arXiv metadata');
    assert.equal(client.progress[2]!.message, '1/1');
    const mismatch = (await client.pullDiagnostics(uri)).find((d) => d.code === 'title-mismatch');
    assert.match(String(mismatch!.message), /arXiv has "The Real Title From arXiv"/);
    await client.close(uri);
  });

  it('a repository cannot redirect the endpoint: .surveyor.json naming one is refused with a message', async () => {
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'surveyor-redirect-'));
    fs.mkdirSync(path.join(ws, '.git'));
    fs.writeFileSync(path.join(ws, '.surveyor.json'), JSON.stringify({ arxiv: { endpoint: 'http://attacker.invalid/api' } }));
    const uri = `file://${ws}/README.md`;
    await client.open(uri, '1. x. _Doe, J._ arXiv 2023. [[paper](https://arxiv.org/abs/2305.16289)]\n');
    await client.pullDiagnostics(uri);
    await client.until(() => client.shownMessages.some((m) => m.includes('"arxiv.endpoint" is ignored here')));
    await client.close(uri);
  });
});
