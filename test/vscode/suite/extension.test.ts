import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

/**
 * Surveyor in a real VS Code, through the `vscode` API only. The workspace
 * holds a copy of the reference survey with entry 4 of "Text Prompt-driven"
 * removed (a numbering gap on line 80); the launcher prepares it.
 */
const GAP_LINE = 79; // 0-based: "5. Plug-and-play …" now stands where entry 4 was

describe('Surveyor in VS Code', () => {
  let document: vscode.TextDocument;
  let diagnostics: vscode.Diagnostic[];

  before(async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'a workspace folder is open');
    document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'README.md'));
    await vscode.window.showTextDocument(document);
    diagnostics = await surveyorDiagnostics(document.uri, (ds) => ds.some((d) => d.code === 'list-numbering'));
  });

  it('activates on a README, in Restricted Mode too, and reports the survey defects', () => {
    if (process.env.SURVEYOR_EXPECT_RESTRICTED === '1') assert.equal(vscode.workspace.isTrusted, false, 'the workspace is untrusted');
    const found = diagnostics.map((d) => `${d.range.start.line + 1} ${String(d.code)}`);
    for (const expected of [`${GAP_LINE + 1} list-numbering`, '227 malformed-link', '55 broken-anchor', '77 venue-typo', '157 author-format']) {
      assert.ok(found.includes(expected), `expected ${expected} among ${found.join(', ')}`);
    }
    const gap = diagnostics.find((d) => d.code === 'list-numbering')!;
    assert.equal(gap.message, 'List numbering: expected 4, found 5.');
    assert.equal(gap.source, 'surveyor');
  });

  it('applies the "Renumber this list" quick fix', async () => {
    const gap = diagnostics.find((d) => d.code === 'list-numbering')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, gap.range, vscode.CodeActionKind.QuickFix.value);
    const renumber = actions.find((a) => a.title === 'Renumber this list');
    assert.ok(renumber?.edit, `quick fixes offered: ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(renumber.edit));
    assert.match(document.lineAt(GAP_LINE).text, /^4\. Plug-and-play/);
    assert.match(document.lineAt(GAP_LINE + 18).text, /^22\. Cross domain generative augmentation/);
    await surveyorDiagnostics(document.uri, (ds) => !ds.some((d) => d.code === 'list-numbering'));
  });

  it('shows the real title in a hover on an arXiv link', async () => {
    const line = lineIndexOf(document, 'arxiv.org/abs/2007.06949');
    const character = document.lineAt(line).text.indexOf('2007.06949');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(line, character));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /Deep Transformer based Data Augmentation with Subword Units for Morphologically Rich Online ASR/);
    assert.match(text, /Balázs Tarján/);
  });

  it('completes categories after "#### " under "### Computer Vision"', async () => {
    const after = lineIndexOf(document, '4. Diffusion-based Data Augmentation for Object Counting Problems');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(after + 1, 0), '#### \n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(after + 1, 5));
      const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      for (const category of ['Image classification', 'Semantic segmentation', 'Object detection']) assert.ok(labels.includes(category), `${category} in ${labels.slice(0, 20).join(', ')}`);
    } finally {
      const undo = new vscode.WorkspaceEdit();
      undo.delete(document.uri, new vscode.Range(after + 1, 0, after + 2, 0));
      await vscode.workspace.applyEdit(undo);
    }
  });

  it('gives the survey tree as document symbols', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    const approaches = symbols[0]!.children.find((s) => s.name === 'Approaches');
    assert.deepEqual(approaches?.children.map((s) => s.name), ['Image Augmentation', 'Text Augmentation', 'Paired Augmentation']);
    const textPrompt = approaches!.children[0]!.children[0]!.children[0]!;
    assert.equal(textPrompt.name, 'Text Prompt-driven');
    assert.equal(textPrompt.children.length, 22);
  });

  it('"Renumber All Lists" renumbers every list of the survey', async () => {
    const line = lineIndexOf(document, '2. Diffusion-based data augmentation for nuclei image segmentation');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(line, 0, line, 1), '7');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await surveyorDiagnostics(document.uri, (ds) => ds.some((d) => d.code === 'list-numbering'));
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('surveyor.renumberAllLists');
    assert.match(document.lineAt(line).text, /^2\. Diffusion-based/);
  });
});

describe('Surveyor when its server dies', () => {
  it('starts the server again, and diagnostics follow the next edit', async () => {
    const folder = vscode.workspace.workspaceFolders![0]!;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'README.md'));
    await vscode.window.showTextDocument(document);
    const killed = surveyorServerPid();
    assert.ok(killed, 'the Surveyor server runs as a child of the extension host');
    process.kill(killed, 'SIGKILL');
    const line = lineIndexOf(document, '3. Diffusion-based data augmentation for nuclei image segmentation');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(line, 0, line, 1), '8');
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      const found = await surveyorDiagnostics(document.uri, (ds) => ds.some((d) => d.code === 'list-numbering' && d.range.start.line === line));
      assert.equal(found.find((d) => d.range.start.line === line)!.message, 'List numbering: expected 3, found 8.');
      const restarted = surveyorServerPid();
      assert.ok(restarted && restarted !== killed, `a new server process (was ${killed}, now ${restarted})`);
    } finally {
      const undo = new vscode.WorkspaceEdit();
      undo.replace(document.uri, new vscode.Range(line, 0, line, 1), '3');
      await vscode.workspace.applyEdit(undo);
    }
  });
});

/** The process id of the Surveyor server this extension host started (vscode-languageclient passes it our pid), from /proc. */
function surveyorServerPid(): number | undefined {
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let args: string[];
    try {
      args = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue; // the process ended while we looked
    }
    if (args.some((a) => a.endsWith(`${path.sep}dist${path.sep}server.js`)) && args.includes(`--clientProcessId=${process.pid}`)) return Number(entry);
  }
  return undefined;
}

function lineIndexOf(document: vscode.TextDocument, text: string): number {
  for (let i = 0; i < document.lineCount; i++) if (document.lineAt(i).text.includes(text)) return i;
  throw new Error(`"${text}" is not in the document`);
}

/** Surveyor's diagnostics for `uri` once `ready` holds, waiting on change events (never on a sleep). */
function surveyorDiagnostics(uri: vscode.Uri, ready: (ds: vscode.Diagnostic[]) => boolean, timeoutMs = 60_000): Promise<vscode.Diagnostic[]> {
  const current = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'surveyor');
  if (ready(current())) return Promise.resolve(current());
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`no such Surveyor diagnostics within ${timeoutMs / 1000} s; have: ${current().map((d) => `${d.range.start.line + 1} ${String(d.code)}`).join(', ')}`));
    }, timeoutMs);
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((u) => u.toString() === uri.toString()) || !ready(current())) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(current());
    });
  });
}
