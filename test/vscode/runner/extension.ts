import * as vscode from 'vscode';
import { run } from '../suite/index';

/**
 * A test-only extension, installed beside Surveyor in code-server (which
 * refuses --extensionTestsPath): when the environment names a results file,
 * it runs the suite and writes the results there for the launcher, then
 * leaves the editor on the reference survey with the Problems panel open,
 * ready for the launcher's screenshots. It never ships in surveyor.vsix.
 */
export async function activate(): Promise<void> {
  const resultsFile = process.env.SURVEYOR_VSCODE_TESTS_RESULT;
  if (!resultsFile) return;
  try {
    await run(`${resultsFile}.partial`);
  } catch (error) {
    require('node:fs').writeFileSync(`${resultsFile}.partial`, JSON.stringify({ passes: [], failures: [{ title: 'the suite', message: String(error), stack: (error as Error).stack ?? '' }] }));
  }
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder) {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'README.md'));
    const line = document.getText().split('\n').findIndex((l) => l.includes('arxiv.org/abs/2007.06949'));
    const editor = await vscode.window.showTextDocument(document);
    const at = new vscode.Position(Math.max(0, line), 0);
    editor.selection = new vscode.Selection(at, at);
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.AtTop);
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
  }
  // Renamed last, so the launcher never reads a half-written file.
  require('node:fs').renameSync(`${resultsFile}.partial`, resultsFile);
}
