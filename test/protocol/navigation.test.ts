import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CompletionItem, CompletionList, DocumentSymbol, Location, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { readShared } from '../support/fixtures';
import { LspClient } from '../support/lspClient';

describe('completion and navigation over the protocol', () => {
  let client: LspClient;
  let uri: string;
  const reference = readShared('seed', 'LLM-data-aug-survey.README.md');
  const lines = reference.split('\n');

  before(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'surveyor-nav-'));
    client = new LspClient();
    const init = await client.initialize({ rootPath: dir });
    const capabilities = init.capabilities as Record<string, unknown>;
    for (const provider of ['completionProvider', 'documentSymbolProvider', 'renameProvider', 'definitionProvider', 'referencesProvider', 'foldingRangeProvider', 'selectionRangeProvider', 'codeLensProvider', 'documentLinkProvider', 'workspaceSymbolProvider']) {
      assert.ok(capabilities[provider], `${provider} advertised`);
    }
    uri = `file://${dir}/README.md`;
    await client.open(uri, reference);
  });
  after(() => client.stop());

  it('completes categories after "#### " under "### Computer Vision"', async () => {
    await client.change(uri, 2, [{ range: { start: { line: 244, character: 0 }, end: { line: 244, character: 0 } }, text: '#### \n' }]);
    const result = await client.request<CompletionItem[] | CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: 244, character: 5 } });
    const items = Array.isArray(result) ? result : result.items;
    assert.deepEqual(items.map((i) => i.label), ['Image classification', 'Semantic segmentation', 'Object detection']);
    await client.change(uri, 3, [{ range: { start: { line: 244, character: 0 }, end: { line: 245, character: 0 } }, text: '' }]);
  });

  it('gives the survey tree as document symbols', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const approaches = symbols[0]!.children!.find((s) => s.name === 'Approaches')!;
    assert.deepEqual(approaches.children!.map((s) => s.name), ['Image Augmentation', 'Text Augmentation', 'Paired Augmentation']);
  });

  it('renames a heading and the table of contents links to it', async () => {
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position: { line: 254, character: 6 }, newName: 'Top-K Filtering' });
    assert.deepEqual(edit.changes![uri]!.map((e) => [e.range.start.line + 1, e.newText]).sort(), [[255, 'Top-K Filtering'], [55, 'top-k-filtering']].sort());
    const refused = await client.request<unknown>('textDocument/rename', { textDocument: { uri }, position: { line: 100, character: 3 }, newName: 'x' }).catch((e: Error) => e);
    assert.match(String((refused as Error).message), /Only a heading can be renamed/);
  });

  it('goes to the heading from the table of contents', async () => {
    const [target] = await client.request<Location[]>('textDocument/definition', { textDocument: { uri }, position: { line: 36, character: lines[36]!.indexOf('#news') + 2 } });
    assert.equal(target!.range.start.line, 66);
  });
});
