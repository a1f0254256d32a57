import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LspClient } from '../support/lspClient';

const INVALID_PARAMS = -32602;

/**
 * A client that sends malformed params (a bug in some editor's plugin) is
 * told so: InvalidParams, never a TypeError in the server's log and an empty
 * answer that hides its mistake.
 */
describe('malformed requests', () => {
  let client: LspClient;
  let dir: string;
  let uri: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'surveyor-params-'));
    client = new LspClient();
    await client.initialize({ rootPath: dir });
    uri = `file://${dir}/README.md`;
    await client.open(uri, '# Survey\n\n## Data\n\n1. First. _Doe, J._ arXiv 2023. [[paper](https://arxiv.org/abs/2305.16289)]\n');
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const errorCode = (method: string, params: unknown) =>
    client.request(method, params).then(
      () => undefined,
      (error: { code?: number }) => error.code,
    );
  const typeErrors = () => client.logs.filter((l) => /TypeError|Cannot read|is not a function|is not iterable/.test(l));

  it('answer InvalidParams', async () => {
    const doc = () => ({ textDocument: { uri } });
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
    const cases: [string, unknown][] = [
      ['textDocument/hover', { textDocument: null, position: { line: 0, character: 0 } }],
      ['textDocument/hover', { ...doc(), position: null }],
      ['textDocument/hover', { ...doc(), position: { line: -1, character: 0 } }],
      ['textDocument/codeAction', { ...doc(), range, context: null }],
      ['textDocument/codeAction', { ...doc(), range, context: { diagnostics: [], only: 'quickfix' } }],
      ['textDocument/codeAction', { ...doc(), range: 'all', context: { diagnostics: [] } }],
      ['textDocument/diagnostic', { textDocument: 'README.md' }],
      ['textDocument/completion', { ...doc(), position: 'here' }],
      ['textDocument/selectionRange', { ...doc(), positions: 'x' }],
      ['textDocument/references', { ...doc(), position: { line: 2, character: 4 }, context: null }],
      ['textDocument/rename', { ...doc(), position: { line: 2, character: 4 }, newName: 7 }],
      ['textDocument/documentSymbol', {}],
      ['workspace/symbol', { query: null }],
      ['workspace/executeCommand', { command: 'surveyor.server.insertPaper', arguments: [{ uri, position: null, reference: '2305.16289' }] }],
    ];
    for (const [method, params] of cases) assert.equal(await errorCode(method, params), INVALID_PARAMS, `${method} ${JSON.stringify(params)}`);
    assert.deepEqual(typeErrors(), []);
  });

  it('rename refuses a NUL or a lone surrogate in the new name', async () => {
    for (const newName of ['Da\u0000ta', 'Da\ud800ta']) {
      const code = await errorCode('textDocument/rename', { textDocument: { uri }, position: { line: 2, character: 4 }, newName });
      assert.equal(code, -32600, JSON.stringify(newName)); // InvalidRequest, with the reason for the user
    }
  });

  it('a malformed workspace-folders change and a null applyEdit reply leave no TypeError', async () => {
    await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: 'x' } });
    client.connection.onRequest('workspace/applyEdit', () => null);
    await client.request('workspace/executeCommand', {
      command: 'surveyor.server.insertPaper',
      arguments: [{ uri, position: { line: 4, character: 3 }, reference: '2007.06949' }],
    });
    await client.until(() => client.shownMessages.some((m) => m.includes('did not apply the edit')));
    // And the server still answers.
    assert.ok(await client.request('textDocument/documentSymbol', { textDocument: { uri } }));
    assert.deepEqual(typeErrors(), []);
  });
});
