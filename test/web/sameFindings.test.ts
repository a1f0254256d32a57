import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import { corpusFiles, REFERENCE_SURVEY } from '../support/fixtures';
import { LspClient } from '../support/lspClient';
import { webWorkerServer } from '../support/webWorkerServer';

/**
 * vscode.dev and github.dev must report what desktop VS Code reports: the
 * web worker bundle (run as a browser runs it, test/support/webWorkerServer.ts)
 * and the Node server are given the same text and configuration (offline,
 * as a browser that cannot reach arXiv: the bundled snapshot only), and
 * must answer the same diagnostics and the same fixes, on the reference
 * survey and every real list in ../shared.
 */
describe('the web worker server and the Node server report the same', () => {
  let node: LspClient;
  let web: LspClient;
  let dir: string;
  const lists = [REFERENCE_SURVEY, ...corpusFiles().sort()];

  before(async () => {
    assert.ok(lists.length >= 10, 'the reference survey and the nine real lists from ../shared');
    // Outside a git checkout, as the lists lie in ../shared: missing-file has no repository to look in, in either.
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'surveyor-web-')));
    node = new LspClient();
    web = new LspClient(webWorkerServer());
    await Promise.all([node.initialize({ rootPath: dir }), web.initialize({ rootPath: dir })]);
  });
  after(async () => {
    await Promise.all([node?.stop(), web?.stop()]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const [i, file] of lists.entries()) {
    it(path.basename(file), { timeout: 60_000 }, async () => {
      const uri = URI.file(path.join(dir, `list${i}`, 'README.md')).toString();
      const text = fs.readFileSync(file, 'utf8');
      const [fromNode, fromWeb] = await Promise.all([findingsAndFixes(node, uri, text), findingsAndFixes(web, uri, text)]);
      assert.ok(fromNode.diagnostics.length > 0, 'a list with findings');
      assert.deepEqual(fromWeb.diagnostics, fromNode.diagnostics);
      assert.deepEqual(fromWeb.fixes, fromNode.fixes);
      if (file === REFERENCE_SURVEY) assert.equal(fromWeb.diagnostics.length, 19, 'the figure the README gives');
    });
  }
});

/** Every diagnostic of a document, and every code action offered for them (asked for the whole document at once). */
async function findingsAndFixes(client: LspClient, uri: string, text: string): Promise<{ diagnostics: Diagnostic[]; fixes: CodeAction[] }> {
  await client.open(uri, text);
  const diagnostics = await client.pullDiagnostics(uri);
  const lines = text.split('\n');
  const range = { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines.at(-1)!.length } };
  const fixes = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics } });
  await client.close(uri);
  return { diagnostics, fixes };
}
