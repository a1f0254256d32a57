import * as vscode from 'vscode';
import { equal, ok } from './assertions';
import { lineIndexOf, openSurvey } from './surveyDocument';
import { MEMORY_SCHEME, TEST_WEB_SCHEME } from './webWorkspace';

const SURVEYOR = 'surveyor-dev.paper-surveyor';
const PAPER_TITLE = 'Deep Transformer based Data Augmentation with Subword Units for Morphologically Rich Online ASR';

/**
 * That the web suite really runs where a github.dev or vscode.dev user's
 * Surveyor runs: in the web worker extension host, on a virtual workspace,
 * with the survey read through VS Code's file system only.
 */
describe('Surveyor in the web worker extension host', () => {
  it('runs in a web worker, not in Node', () => {
    equal(typeof process, 'undefined', 'typeof process');
    equal(typeof (globalThis as { importScripts?: unknown }).importScripts, 'function', 'typeof importScripts (a worker global)');
    equal(vscode.env.uiKind, vscode.UIKind.Web, 'vscode.env.uiKind (1 desktop, 2 web)');
  });

  it('has its workspace on a virtual file system', () => {
    const scheme = vscode.workspace.workspaceFolders?.[0]?.uri.scheme;
    ok(scheme === MEMORY_SCHEME || scheme === TEST_WEB_SCHEME, `the workspace folder's scheme is ${MEMORY_SCHEME} or ${TEST_WEB_SCHEME}, not ${String(scheme)}`);
  });

  it("has Surveyor's extension active in this host, its language server started", async () => {
    const surveyor = vscode.extensions.getExtension(SURVEYOR);
    ok(surveyor, `${SURVEYOR} is installed in this extension host`);
    ok(surveyor.isActive, `${SURVEYOR} is active (it activates on the Markdown survey the suite opened)`);
    ok(typeof surveyor.packageJSON.browser === 'string', 'its manifest has a browser entry');
    // isActive holds even when activate() threw; the server's own command exists only once the
    // client has started the server (in its web worker) and read its capabilities.
    const commands = await vscode.commands.getCommands(true);
    ok(commands.includes('surveyor.server.insertPaper'), 'the language server registered surveyor.server.insertPaper');
  });

  it('inserts a paper from arXiv offline, from the bundled snapshot', async () => {
    equal(vscode.workspace.getConfiguration('surveyor').get('arxiv.online'), false, 'surveyor.arxiv.online (the launcher turns it off)');
    const document = await openSurvey();
    // "Object detection" (under "Computer Vision") does not list the paper yet.
    const after = lineIndexOf(document, '4. Diffusion-based Data Augmentation for Object Counting Problems');
    const listedBefore = document.getText().split(PAPER_TITLE).length;
    await vscode.commands.executeCommand('surveyor.server.insertPaper', { uri: document.uri.toString(), position: { line: after, character: 0 }, reference: '2007.06949' });
    try {
      const inserted = document.lineAt(after + 1).text;
      ok(inserted.startsWith(`5. ${PAPER_TITLE}`), `a fifth entry with the snapshot's title after line ${after + 1}; the line is: ${inserted}`);
      ok(inserted.includes('2007.06949'), `the entry links the paper: ${inserted}`);
      equal(document.getText().split(PAPER_TITLE).length, listedBefore + 1, 'listings of the title');
    } finally {
      if (document.lineAt(after + 1).text.includes(PAPER_TITLE)) {
        const undo = new vscode.WorkspaceEdit();
        undo.delete(document.uri, new vscode.Range(after + 1, 0, after + 2, 0));
        await vscode.workspace.applyEdit(undo);
      }
    }
  });
});
