import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateSurveyor, deactivateSurveyor } from './surveyorClient';

/** What vscode-languageclient/browser starts the server in (the project is typed for Node, not with the DOM lib). */
type ServerWorker = Extract<ConstructorParameters<typeof LanguageClient>[2], { postMessage: unknown }>;
declare const Worker: new (url: string) => ServerWorker;

/**
 * vscode.dev and github.dev: the extension runs in the browser's web worker
 * extension host, and the server in a web worker of its own (dist/browser/server.js).
 */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist', 'browser', 'server.js');
  const worker = await startWorker(serverMain);
  // The arXiv cache lives in the extension's global storage, which the client reads and writes for the worker.
  await activateSurveyor(context, { cacheUri: context.globalStorageUri.toString() }, (options) => new LanguageClient('surveyor', 'Surveyor', worker, options));
}

export const deactivate = deactivateSurveyor;

/**
 * The server's worker. An extension served by a remote (code-server, a
 * remote's web UI) has a `vscode-remote:` URL, from which the extension host
 * refuses to start a worker: the script is fetched (the host resolves that
 * URL) and started from a blob. vscode.dev serves extensions over https, and
 * the worker starts from the URL itself.
 */
async function startWorker(script: vscode.Uri): Promise<ServerWorker> {
  if (script.scheme !== 'vscode-remote') return new Worker(script.toString(true));
  const response = await fetch(script.toString(true));
  if (!response.ok) throw new Error(`Surveyor cannot load its server (${script.toString(true)}: HTTP ${response.status})`);
  const blob = new Blob([await response.text()], { type: 'text/javascript' });
  return new Worker(URL.createObjectURL(blob));
}
