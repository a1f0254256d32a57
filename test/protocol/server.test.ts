import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { readShared } from '../support/fixtures';
import { LspClient } from '../support/lspClient';

const SAMPLE = '# Papers\n\n1. a\n2. b\n4. c\n';

describe('language server over stdio', () => {
  let client: LspClient;
  let dir: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'surveyor-lsp-'));
    client = new LspClient();
    const init = await client.initialize({ rootPath: dir });
    const capabilities = init.capabilities as Record<string, unknown>;
    assert.ok(capabilities.diagnosticProvider, 'pull diagnostics advertised');
    assert.deepEqual((capabilities.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, [
      'quickfix',
      'refactor.rewrite',
      'source.renumberLists.surveyor',
      'source.fixAll.surveyor',
    ]);
    assert.equal(capabilities.hoverProvider, true);
  });
  after(() => client.stop());

  it('reports a gap in the reference survey, fixes it with the quick fix, and then reports nothing', async () => {
    const original = readShared('seed', 'LLM-data-aug-survey.README.md');
    const text = original.replace(/^4\. It is all about where you start.*\n/m, '');
    const uri = `file://${dir}/README.md`;
    await client.open(uri, text);
    const numbering = (all: Diagnostic[]) => all.filter((d) => d.code === 'list-numbering');
    const diagnostics = numbering(await client.pullDiagnostics(uri));
    assert.equal(diagnostics.length, 1);
    const [gap] = diagnostics;
    assert.equal(gap!.code, 'list-numbering');
    assert.equal(gap!.source, 'surveyor');
    assert.equal(gap!.message, 'List numbering: expected 4, found 5.');

    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: gap!.range,
      context: { diagnostics: [gap], only: ['quickfix'] },
    });
    assert.deepEqual(actions.map((a) => a.title), ['Renumber this list']);
    const edits = actions[0]!.edit!.changes![uri]!;
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, text), edits);
    // Send the edits as an editor would: incremental changes, last first.
    const sorted = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
    await client.change(uri, 2, sorted.map((e: TextEdit) => ({ range: e.range, text: e.newText })));
    assert.deepEqual(numbering(await client.pullDiagnostics(uri)), []);
    // The server's copy equals the fixed text: renumbering again changes nothing.
    assert.equal(await client.request('surveyor/renumberAllLists', { textDocument: { uri } }), null);
    assert.equal(fixed.split('\n').length, text.split('\n').length);
    await client.close(uri);
  });

  it('carries related information and each rule\'s quick fix over the protocol', async () => {
    const text = readShared('seed', 'LLM-data-aug-survey.README.md');
    const uri = `file://${dir}/README.md`;
    await client.open(uri, text);
    const diagnostics = await client.pullDiagnostics(uri);
    const listing = diagnostics.find((d) => d.code === 'inconsistent-listing' && d.range.start.line === 215)!;
    assert.deepEqual(listing.relatedInformation!.map((r) => [r.location.uri, r.location.range.start.line + 1]), [[uri, 139]]);
    const bracket = diagnostics.find((d) => d.code === 'malformed-link')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: bracket.range,
      context: { diagnostics: [bracket], only: ['quickfix'] },
    });
    assert.deepEqual(actions.map((a) => a.title), ['Change to "]"']);
    assert.deepEqual(actions[0]!.edit!.changes![uri], [{ range: bracket.range, newText: ']' }]);
    await client.close(uri);
  });

  it('offers "Renumber all lists" and source.fixAll for the whole document, and the custom request', async () => {
    const uri = `file://${dir}/sub/README.md`;
    await client.open(uri, SAMPLE + '\n## More\n\n3. d\n');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source'] },
    });
    assert.deepEqual(actions.map((a) => a.kind), ['source.renumberLists.surveyor', 'source.fixAll.surveyor']);
    const edit = await client.request<{ changes: Record<string, TextEdit[]> }>('surveyor/renumberAllLists', { textDocument: { uri } });
    assert.deepEqual(edit.changes[uri]!.map((e) => e.newText), ['3', '1']);
    await client.close(uri);
  });

  it('gives nothing for files that are not surveys', async () => {
    const uri = `file://${dir}/notes.md`;
    await client.open(uri, SAMPLE);
    assert.deepEqual(await client.pullDiagnostics(uri), []);
    await client.close(uri);
  });

  it('answers requests on unknown or closed documents with empty results, not errors', async () => {
    const uri = `file://${dir}/never-opened/README.md`;
    assert.deepEqual(await client.pullDiagnostics(uri), []);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [] },
    });
    assert.deepEqual(actions, []);
  });

  it('answers a cancelled request with RequestCancelled', async () => {
    const uri = `file://${dir}/cancel/README.md`;
    let release!: () => void;
    client.configurationGate = new Promise<void>((resolve) => (release = resolve));
    await client.open(uri, SAMPLE);
    const source = new (await import('vscode-languageserver-protocol')).CancellationTokenSource();
    const pending = client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }, source.token);
    // The server is waiting for its settings; cancel, then let the settings through.
    await client.until(() => true);
    source.cancel();
    await new Promise((resolve) => setImmediate(resolve));
    release();
    client.configurationGate = undefined;
    await assert.rejects(pending, (error: { code?: number }) => error.code === -32800);
    assert.equal((await client.pullDiagnostics(uri)).length, 1, 'the next request is answered as usual');
    await client.close(uri);
  });

  it('re-reads settings when they change and asks the editor to refresh diagnostics', async () => {
    const uri = `file://${dir}/settings/README.md`;
    await client.open(uri, SAMPLE);
    assert.equal((await client.pullDiagnostics(uri))[0]!.severity, 2);
    const refreshes = client.refreshes;
    client.settings = { arxiv: { online: false }, rules: { 'list-numbering': 'error' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.until(() => client.refreshes > refreshes);
    assert.equal((await client.pullDiagnostics(uri))[0]!.severity, 1);

    client.settings = { arxiv: { online: false }, numbering: { style: 'roman' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.until(() => client.refreshes > refreshes + 1);
    assert.equal((await client.pullDiagnostics(uri)).length, 1, 'the defaults apply where a setting is wrong');
    await client.until(() => client.shownMessages.some((m) => m.includes('"numbering.style" must be one of sequential, ones')));
    client.settings = { arxiv: { online: false } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.close(uri);
  });

  it('reads .surveyor.json from the workspace and names it when it is malformed', async () => {
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'surveyor-ws-'));
    fs.writeFileSync(path.join(ws, '.surveyor.json'), JSON.stringify({ rules: { 'list-numbering': 'off' } }));
    const other = new LspClient();
    try {
      await other.initialize({ rootPath: ws });
      const uri = `file://${ws}/README.md`;
      await other.open(uri, SAMPLE);
      assert.deepEqual(await other.pullDiagnostics(uri), []);
      fs.writeFileSync(path.join(ws, '.surveyor.json'), '{ not json');
      await other.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `file://${ws}/.surveyor.json`, type: 2 }] });
      await other.until(() => other.refreshes > 0);
      assert.equal((await other.pullDiagnostics(uri)).length, 1, 'defaults apply');
      await other.until(() => other.shownMessages.some((m) => m.includes(`${path.join(ws, '.surveyor.json')}: not valid JSON`)));
    } finally {
      await other.stop();
    }
  });
});

describe('language server for clients without pull diagnostics', () => {
  it('pushes diagnostics as the document changes', async () => {
    const client = new LspClient();
    try {
      const init = await client.initialize({ pullDiagnostics: false });
      assert.equal((init.capabilities as Record<string, unknown>).diagnosticProvider, undefined);
      const uri = 'file:///push/README.md';
      await client.open(uri, SAMPLE);
      await client.until(() => client.pushedDiagnostics(uri)?.version === 1);
      assert.equal(client.pushedDiagnostics(uri)!.diagnostics.length, 1);
      await client.change(uri, 2, [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 1 } }, text: '3' }]);
      await client.until(() => client.pushedDiagnostics(uri)?.version === 2);
      assert.deepEqual(client.pushedDiagnostics(uri)!.diagnostics, []);
    } finally {
      await client.stop();
    }
  });
});
