import * as path from 'node:path';
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateSurveyor, deactivateSurveyor } from './surveyorClient';

/** Desktop VS Code (and code-server): the server runs as a Node process beside the extension host. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  // The server keeps its arXiv cache in the extension's global storage.
  await activateSurveyor(context, { cacheDir: context.globalStorageUri.fsPath }, (options) => new LanguageClient('surveyor', 'Surveyor', serverOptions, options));
}

export const deactivate = deactivateSurveyor;
