import * as vscode from 'vscode';
import type { SuiteResults } from '../suite/results';
import { runWebSuite } from '../suite/webIndex';
import { MEMORY_SCHEME } from '../suite/webWorkspace';
import { MemoryFileSystem } from './memoryFileSystem';

/**
 * A test-only web extension (a `browser` entry and no `main`, so it runs in
 * code-server's web worker extension host beside Surveyor's web build; never
 * shipped). It registers the memory file system the workspace folder is on
 * (the workbench opens `?folder=surveyor-memfs:/survey`, which activates it
 * through `onFileSystem:surveyor-memfs`), writes into it the survey the
 * launcher hands over, runs the web suite and posts the results back. The
 * launcher's small HTTP server is named by the user setting
 * `surveyorWebTests.harness`; without it the runner does nothing but serve
 * the file system.
 */
/** What the runner tells the suite: where extensions keep their global storage here (Surveyor's arXiv cache is beside the runner's). */
export interface WebRunnerApi {
  globalStorageUri: vscode.Uri;
}

export function activate(context: vscode.ExtensionContext): WebRunnerApi {
  const api = { globalStorageUri: context.globalStorageUri };
  const memory = new MemoryFileSystem();
  // The folder exists from the start: the workbench reads it as soon as the provider is there.
  for (const folder of vscode.workspace.workspaceFolders ?? []) if (folder.uri.scheme === MEMORY_SCHEME) memory.createDirectory(folder.uri);
  context.subscriptions.push(vscode.workspace.registerFileSystemProvider(MEMORY_SCHEME, memory, { isCaseSensitive: true }));
  const harness = vscode.workspace.getConfiguration('surveyorWebTests').get<string>('harness');
  if (!harness) return api;
  // Not awaited: the workbench waits for this activation before it reads the folder.
  setTimeout(() => void runAndReport(harness), 0);
  return api;
}

async function runAndReport(harness: string): Promise<void> {
  let results: SuiteResults;
  try {
    await prepareWorkspace(harness);
    results = await runWebSuite();
  } catch (error) {
    results = { passes: [], failures: [{ title: 'the web suite', message: String(error), stack: (error as Error).stack ?? '' }] };
  }
  // text/plain: a "simple" cross-origin request, which needs no CORS preflight.
  await fetch(`${harness}/results`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(results) });
}

/** The survey, as the launcher read it, written as README.md into the folder on the memory file system. */
async function prepareWorkspace(harness: string): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder?.uri.scheme !== MEMORY_SCHEME) throw new Error(`the workspace folder is ${String(folder?.uri)}, not on ${MEMORY_SCHEME}:`);
  const response = await fetch(`${harness}/survey`);
  if (!response.ok) throw new Error(`the launcher answered ${response.status} for the survey`);
  await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder.uri, 'README.md'), new Uint8Array(await response.arrayBuffer()));
}
