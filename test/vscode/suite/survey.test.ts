import * as vscode from 'vscode';
import { deepEqual, equal, match, ok } from './assertions';
import { askProviders, lineIndexOf, openSurvey, surveyorDiagnostics } from './surveyDocument';

/**
 * Surveyor's checks on the survey, through the `vscode` API only, so that
 * they run unchanged on the desktop (Node extension host) and in the browser
 * (web worker extension host): no Node built-ins, no `process`, no disk.
 */
const GAP_LINE = 79; // 0-based: "5. Plug-and-play …" now stands where entry 4 was

describe('Surveyor on a survey', () => {
  let document: vscode.TextDocument;
  let diagnostics: vscode.Diagnostic[];

  before(async () => {
    document = await openSurvey();
    diagnostics = await surveyorDiagnostics(document.uri, (ds) => ds.some((d) => d.code === 'list-numbering'));
  });

  it('activates on a README and reports the survey defects', () => {
    const found = diagnostics.map((d) => `${d.range.start.line + 1} ${String(d.code)}`);
    for (const expected of [`${GAP_LINE + 1} list-numbering`, '227 malformed-link', '55 broken-anchor', '77 venue-typo', '157 author-format']) {
      ok(found.includes(expected), `expected ${expected} among ${found.join(', ')}`);
    }
    const gap = diagnostics.find((d) => d.code === 'list-numbering')!;
    equal(gap.message, 'List numbering: expected 4, found 5.');
    equal(gap.source, 'surveyor');
  });

  it('applies the "Renumber this list" quick fix', async () => {
    const gap = diagnostics.find((d) => d.code === 'list-numbering')!;
    const actions = await askProviders<vscode.CodeAction[]>('vscode.executeCodeActionProvider', [document.uri, gap.range, vscode.CodeActionKind.QuickFix.value], (offered) => offered.some((a) => a.title === 'Renumber this list'));
    const renumber = actions.find((a) => a.title === 'Renumber this list');
    ok(renumber?.edit, `quick fixes offered: ${actions.map((a) => a.title).join(', ')}`);
    ok(await vscode.workspace.applyEdit(renumber.edit), 'the quick fix applies');
    match(document.lineAt(GAP_LINE).text, /^4\. Plug-and-play/);
    match(document.lineAt(GAP_LINE + 18).text, /^22\. Cross domain generative augmentation/);
    await surveyorDiagnostics(document.uri, (ds) => !ds.some((d) => d.code === 'list-numbering'));
  });

  it('shows the real title in a hover on an arXiv link', async () => {
    const line = lineIndexOf(document, 'arxiv.org/abs/2007.06949');
    const character = document.lineAt(line).text.indexOf('2007.06949');
    const hovers = await askProviders<vscode.Hover[]>('vscode.executeHoverProvider', [document.uri, new vscode.Position(line, character)]);
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    match(text, /Deep Transformer based Data Augmentation with Subword Units for Morphologically Rich Online ASR/);
    match(text, /Balázs Tarján/);
  });

  it('completes categories after "#### " under "### Computer Vision"', async () => {
    const after = lineIndexOf(document, '4. Diffusion-based Data Augmentation for Object Counting Problems');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(after + 1, 0), '#### \n');
    ok(await vscode.workspace.applyEdit(edit), 'the heading is typed');
    try {
      const list = await askProviders<vscode.CompletionList>('vscode.executeCompletionItemProvider', [document.uri, new vscode.Position(after + 1, 5)]);
      const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      for (const category of ['Image classification', 'Semantic segmentation', 'Object detection']) ok(labels.includes(category), `${category} in ${labels.slice(0, 20).join(', ')}`);
    } finally {
      const undo = new vscode.WorkspaceEdit();
      undo.delete(document.uri, new vscode.Range(after + 1, 0, after + 2, 0));
      await vscode.workspace.applyEdit(undo);
    }
  });

  it('gives the survey tree as document symbols', async () => {
    const symbols = await askProviders<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', [document.uri]);
    const approaches = symbols[0]!.children.find((s) => s.name === 'Approaches');
    deepEqual(approaches?.children.map((s) => s.name), ['Image Augmentation', 'Text Augmentation', 'Paired Augmentation']);
    const textPrompt = approaches!.children[0]!.children[0]!.children[0]!;
    equal(textPrompt.name, 'Text Prompt-driven');
    equal(textPrompt.children.length, 22);
  });

  it('"Renumber All Lists" renumbers every list of the survey', async () => {
    const line = lineIndexOf(document, '2. Diffusion-based data augmentation for nuclei image segmentation');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(line, 0, line, 1), '7');
    ok(await vscode.workspace.applyEdit(edit), 'the number is changed');
    await surveyorDiagnostics(document.uri, (ds) => ds.some((d) => d.code === 'list-numbering'));
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('surveyor.renumberAllLists');
    match(document.lineAt(line).text, /^2\. Diffusion-based/);
  });
});
