import * as vscode from 'vscode';
import { RequestType, type BaseLanguageClient, type LanguageClientOptions, type WorkspaceEdit } from 'vscode-languageclient';
import {
  Commands,
  RenumberAllListsRequest,
  SETTINGS_SECTION,
  ServerCommands,
  type InitializationOptions,
  type InsertPaperArgs,
  type RenumberAllListsParams,
} from '../../shared/protocol';
import { APPLICATION_SETTING_KEYS, SETTING_KEYS } from '../../shared/settings';
import { restartingErrorHandler } from './serverRestarts';
import { answerFileRequests } from './workspaceFileRequests';

/**
 * The VS Code side stays thin: it starts the server, forwards the user's
 * settings, answers the server's file requests and registers the commands.
 * Every feature lives in the server. The same in desktop VS Code
 * (extension.ts: the server is a Node process) and in the browser
 * (browserExtension.ts: the server is a web worker).
 */
let client: BaseLanguageClient | undefined;

const renumberAllLists = new RequestType<RenumberAllListsParams, WorkspaceEdit | null, void>(RenumberAllListsRequest);

/** Where the arXiv cache lives, as the server is told it: a path for the Node server, a URI for the web worker. */
export type CacheLocation = Pick<InitializationOptions, 'cacheDir' | 'cacheUri'>;

export async function activateSurveyor(
  context: vscode.ExtensionContext,
  cache: CacheLocation,
  createClient: (options: LanguageClientOptions) => BaseLanguageClient,
): Promise<void> {
  const output = vscode.window.createOutputChannel('Surveyor', { log: true });
  const clientOptions: LanguageClientOptions = {
    // Markdown of every scheme: a survey may be on disk, untitled, in github.dev (vscode-vfs), on a remote or any other
    // file system; the server leaves alone the views of another version of a file (git, GitLens, a pull request under
    // review: any scheme but file and untitled outside the workspace folders).
    documentSelector: [{ language: 'markdown' }],
    outputChannel: output,
    errorHandler: restartingErrorHandler(() => client!),
    initializationOptions: { ...cache, client: 'vscode' } satisfies InitializationOptions,
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/.surveyor.json') },
    middleware: {
      workspace: {
        // Send only what the user set, so that `.surveyor.json` is not overridden by defaults.
        configuration: (params, token, next) =>
          params.items.some((item) => item.section === SETTINGS_SECTION)
            ? params.items.map((item) => (item.section === SETTINGS_SECTION ? explicitSettings(item.scopeUri) : null))
            : next(params, token),
      },
    },
  };
  client = createClient(clientOptions);
  answerFileRequests(client, context.globalStorageUri);

  context.subscriptions.push(
    output,
    vscode.commands.registerCommand(Commands.showOutput, () => output.show()),
    vscode.commands.registerCommand(Commands.renumberAllLists, () => renumberActiveDocument()),
    vscode.commands.registerCommand(Commands.insertPaperFromArxiv, () => insertPaperFromArxiv()),
  );
  await client.start();
}

export async function deactivateSurveyor(): Promise<void> {
  await client?.stop();
}

/** Asks for an id or URL; the server fetches the paper and inserts the entry at the cursor. */
async function insertPaperFromArxiv(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!client || !editor || editor.document.languageId !== 'markdown') {
    void vscode.window.showInformationMessage('Surveyor: open a survey README to insert a paper into it.');
    return;
  }
  const reference = await vscode.window.showInputBox({
    title: 'Insert Paper from arXiv',
    prompt: 'An arXiv id or URL',
    placeHolder: '2401.15422 or https://arxiv.org/abs/2401.15422',
  });
  if (!reference) return;
  const { line, character } = editor.selection.active;
  const args: InsertPaperArgs = { uri: editor.document.uri.toString(), position: { line, character }, reference };
  await vscode.commands.executeCommand(ServerCommands.insertPaper, args);
}

async function renumberActiveDocument(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!client || !editor || editor.document.languageId !== 'markdown') {
    void vscode.window.showInformationMessage('Surveyor: open a survey README to renumber its lists.');
    return;
  }
  const edit = await client.sendRequest(renumberAllLists, { textDocument: { uri: editor.document.uri.toString() } });
  if (!edit) {
    void vscode.window.showInformationMessage('Surveyor: every list is already numbered correctly.');
    return;
  }
  await vscode.workspace.applyEdit(await client.protocol2CodeConverter.asWorkspaceEdit(edit));
}

/** The `surveyor.*` settings the user set explicitly (any scope), as one nested object. */
function explicitSettings(scopeUri: string | undefined): Record<string, unknown> {
  const scope = scopeUri ? vscode.Uri.parse(scopeUri) : undefined;
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  const result: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) {
    const inspected = config.inspect(key);
    // Where requests go is the user's choice alone: a workspace cannot set an application-scoped key.
    const value = APPLICATION_SETTING_KEYS.includes(key)
      ? inspected?.globalValue
      : (inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue);
    if (value === undefined) continue;
    const parts = key.split('.');
    let target = result;
    for (const part of parts.slice(0, -1)) target = (target[part] ??= {}) as Record<string, unknown>;
    target[parts[parts.length - 1]!] = value;
  }
  return result;
}
