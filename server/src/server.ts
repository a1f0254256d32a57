import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DocumentDiagnosticReportKind,
  ProposedFeatures,
  RequestType,
  TextDocuments,
  TextDocumentSyncKind,
  createConnection,
  type Connection,
  type InitializeResult,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { CodeActionKinds, RenumberAllListsRequest, SETTINGS_SECTION, type RenumberAllListsParams } from '../../shared/protocol';
import { runSafe } from './runSafe';
import { SurveyorLanguageService } from './service/languageService';
import { SettingsStore } from './settingsStore';

/**
 * The LSP server: wires requests to the language service and nothing more.
 * Every handler goes through `runSafe`, so a failure is a log line and an
 * empty answer, never a dead server.
 */
const connection: Connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const log = (message: string) => connection.console.log(message);

let workspaceFolders: string[] = [];
let canPullConfiguration = false;
let pullDiagnostics = false;

const settings = new SettingsStore({
  clientSettings: (uri) =>
    canPullConfiguration ? connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }) : Promise.resolve(undefined),
  workspaceFolders: () => workspaceFolders,
  warn: (message) => {
    log(`Configuration: ${message}`);
    void connection.window.showWarningMessage(`Surveyor: ${message}`);
  },
});
const service = new SurveyorLanguageService({ settings, logger: { log } });

connection.onInitialize((params): InitializeResult => {
  const capabilities = params.capabilities;
  canPullConfiguration = capabilities.workspace?.configuration === true;
  pullDiagnostics = capabilities.textDocument?.diagnostic !== undefined;
  workspaceFolders = (params.workspaceFolders ?? []).map((f) => URI.parse(f.uri).fsPath);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: {
        codeActionKinds: [CodeActionKind.QuickFix, CodeActionKinds.renumberAllLists, CodeActionKinds.fixAll],
      },
      ...(pullDiagnostics ? { diagnosticProvider: { identifier: 'surveyor', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'surveyor', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  if (canPullConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
  connection.workspace.onDidChangeWorkspaceFolders((event) => {
    const removed = new Set(event.removed.map((f) => URI.parse(f.uri).fsPath));
    workspaceFolders = workspaceFolders.filter((f) => !removed.has(f)).concat(event.added.map((f) => URI.parse(f.uri).fsPath));
    configurationChanged();
  });
});

/** Settings or `.surveyor.json` changed: re-read them and refresh every survey's diagnostics. */
function configurationChanged(): void {
  settings.clear();
  service.settingsChanged();
  if (pullDiagnostics) void connection.languages.diagnostics.refresh();
  else for (const document of documents.all()) schedulePush(document);
}

connection.onDidChangeConfiguration(configurationChanged);
connection.onDidChangeWatchedFiles(configurationChanged);

async function surveyDocument(uri: string): Promise<TextDocument | undefined> {
  const document = documents.get(uri);
  if (!document) return undefined;
  await settings.ensure(uri);
  return settings.isSurvey(uri) ? document : undefined;
}

connection.languages.diagnostics.on((params, token) =>
  runSafe(log, 'diagnostics', { kind: DocumentDiagnosticReportKind.Full, items: [] }, token, async () => {
    const document = await surveyDocument(params.textDocument.uri);
    return { kind: DocumentDiagnosticReportKind.Full, items: document ? service.getDiagnostics(document, token) : [] };
  }, { retriggerRequest: true }),
);

connection.onCodeAction((params, token) =>
  runSafe(log, 'code actions', [], token, async () => {
    const document = await surveyDocument(params.textDocument.uri);
    return document ? service.getCodeActions(document, params.range, params.context, token) : [];
  }),
);

connection.onRequest(new RequestType<RenumberAllListsParams, WorkspaceEdit | null, void>(RenumberAllListsRequest), (params, token) =>
  runSafe(log, 'renumber all lists', null, token, async () => {
    const document = await surveyDocument(params.textDocument.uri);
    const edits = document ? service.getRenumberAllListsEdits(document, token) : [];
    return edits.length > 0 ? { changes: { [params.textDocument.uri]: edits } } : null;
  }),
);

// Clients without pull diagnostics get them pushed, a moment after typing stops.
const pushTimers = new Map<string, NodeJS.Timeout>();
function schedulePush(document: TextDocument): void {
  if (pullDiagnostics) return;
  clearTimeout(pushTimers.get(document.uri));
  pushTimers.set(
    document.uri,
    setTimeout(() => {
      pushTimers.delete(document.uri);
      void runSafe(log, 'diagnostics', undefined, undefined, async () => {
        const current = await surveyDocument(document.uri);
        if (current) await connection.sendDiagnostics({ uri: current.uri, version: current.version, diagnostics: service.getDiagnostics(current) });
      });
    }, 150),
  );
}

documents.onDidChangeContent((event) => schedulePush(event.document));
documents.onDidClose((event) => {
  clearTimeout(pushTimers.get(event.document.uri));
  pushTimers.delete(event.document.uri);
  service.forget(event.document.uri);
  settings.forget(event.document.uri);
  if (!pullDiagnostics) void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

process.on('uncaughtException', (error) => log(`Uncaught exception: ${error.stack ?? String(error)}`));
process.on('unhandledRejection', (reason) => log(`Unhandled rejection: ${String(reason)}`));

documents.listen(connection);
connection.listen();
