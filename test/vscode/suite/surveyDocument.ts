import * as vscode from 'vscode';
import { ok } from './assertions';

/**
 * The survey under test: README.md in the first workspace folder, whatever
 * its scheme (`file` on the desktop, a memory file system or
 * `vscode-test-web` in the browser). It is a copy of the reference survey
 * with entry 4 of "Text Prompt-driven" removed; the launcher prepares it.
 */
export async function openSurvey(): Promise<vscode.TextDocument> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  ok(folder, 'a workspace folder is open');
  const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'README.md'));
  await vscode.window.showTextDocument(document);
  return document;
}

export function lineIndexOf(document: vscode.TextDocument, text: string): number {
  for (let i = 0; i < document.lineCount; i++) if (document.lineAt(i).text.includes(text)) return i;
  throw new Error(`"${text}" is not in the document`);
}

/** Surveyor's diagnostics for `uri` once `ready` holds, waiting on change events (never on a sleep). */
export function surveyorDiagnostics(uri: vscode.Uri, ready: (ds: vscode.Diagnostic[]) => boolean, timeoutMs = 60_000): Promise<vscode.Diagnostic[]> {
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

/**
 * A `vscode.execute…Provider` command, asked again (at most 3 times) when it
 * was cancelled or its answer is not yet `accepted`. VS Code cancels a
 * request when the document changes under it; vscode-languageclient then
 * answers an empty list (its default for a cancelled request) where the
 * request was cancelled on the client's side, and any provider's
 * cancellation (the built-in Markdown extension's, in another extension
 * host) fails the whole command otherwise. A person would ask again; any
 * other failure fails at once.
 */
export async function askProviders<T>(command: string, args: unknown[], accepted: (answer: T) => boolean = () => true): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      const answer = await vscode.commands.executeCommand<T>(command, ...args);
      if (attempt === 3 || accepted(answer)) return answer;
    } catch (error) {
      const cancelled = (error as Error).name === 'Canceled' || (error as Error).message === 'Canceled';
      if (attempt === 3 || !cancelled) throw error;
    }
  }
}
