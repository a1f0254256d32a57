import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateSurveyor, deactivateSurveyor } from './surveyorClient';

/** The browser's Worker, as vscode-languageclient/browser takes it (the project is typed for Node, not with the DOM lib). */
declare const Worker: new (url: string) => ConstructorParameters<typeof LanguageClient>[3];

/**
 * vscode.dev and github.dev: the extension runs in the browser's web worker
 * extension host, and the server in a web worker of its own (dist/browser/server.js).
 */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist', 'browser', 'server.js');
  // The arXiv cache lives in the extension's global storage, which the client reads and writes for the worker.
  await activateSurveyor(context, { cacheUri: context.globalStorageUri.toString() }, (options) => new LanguageClient('surveyor', 'Surveyor', options, new Worker(serverMain.toString(true))));
}

export const deactivate = deactivateSurveyor;
