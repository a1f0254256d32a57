import {
  CodeActionKind,
  type CancellationToken,
  DidChangeConfigurationNotification,
  DocumentDiagnosticReportKind,
  MessageType,
  RequestType,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import {
  CodeActionKinds,
  MemoryUsageRequest,
  RenumberAllListsRequest,
  SETTINGS_SECTION,
  ServerCommands,
  type InitializationOptions,
  type InsertPaperArgs,
  type MemoryUsage,
  type RenumberAllListsParams,
} from '../../shared/protocol';
import { DEFAULT_ARXIV_ENDPOINT } from '../../shared/settings';
import { BackgroundFetch } from './backgroundFetch';
import { clientFileRequests } from './clientFileRequests';
import { createMetadata, type Metadata } from './metadata/setup';
import { checkInsertPaperArgs, checkParams, checkQuery, type Needs } from './requestParams';
import { runSafe } from './runSafe';
import { insertPaperCommand } from './insertPaperCommand';
import { TaxonomyFiles } from './taxonomyFile';
import { SurveyorLanguageService } from './service/languageService';
import { PushedSettings } from './pushedSettings';
import { SERVER_VERSION } from './serverArgs';
import type { ServerPlatform } from './serverPlatform';
import { SettingsStore } from './settingsStore';
import { workspaceFilesViaClient } from './workspaceFilesViaClient';

/**
 * The LSP server: wires requests to the language service and nothing more,
 * the same in Node (server.ts) and in a browser's web worker
 * (browserServer.ts); what differs between the two is the `platform`. Every
 * handler goes through `runSafe`, so a failure is a log line and an empty
 * answer, never a dead server.
 */
export function startLanguageServer(connection: Connection, platform: ServerPlatform): void {
  const documents = new TextDocuments(TextDocument);
  const log = (message: string) => connection.console.log(message);

  let workspaceFolders: string[] = [];
  let canPullConfiguration = false;
  let pullDiagnostics = false;
  /** Names the settings the editor answers with in messages ("Neovim settings (surveyor)"); undefined for VS Code. */
  let clientSettingsName: string | undefined;

  /**
   * A message for the user. A notification, not `window/showMessageRequest`: with no
   * buttons to offer, a request would only make Neovim stop and wait for a key.
   */
  const showMessage = (type: MessageType, message: string) => void connection.sendNotification(ShowMessageNotification.type, { type, message });
  const warnConfiguration = (message: string) => {
    log(`Configuration: ${message}`);
    showMessage(MessageType.Warning, `Surveyor: ${message}`);
  };
  const pushed = new PushedSettings(warnConfiguration);
  // The client may be sent requests only once it has the answer to `initialize`, and only Surveyor's answers file requests.
  let ownClient = false;
  let markInitialized = () => {};
  const afterInitialize = new Promise<boolean>((resolve) => (markInitialized = () => resolve(ownClient)));
  const requests = clientFileRequests(connection, afterInitialize);
  const files = platform.workspaceFiles(workspaceFilesViaClient(requests));
  const taxonomies = new TaxonomyFiles(files, (m) => settings.warnOnce(m));
  let initialized = false;
  const settings = new SettingsStore({
    clientSettings: (uri) =>
      canPullConfiguration ? connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }) : Promise.resolve(undefined),
    clientSettingsName: () => clientSettingsName,
    pushedSettings: () => pushed.current(),
    workspaceFolders: () => workspaceFolders,
    files,
    warn: warnConfiguration,
  });
  let metadata: Metadata;
  let service: SurveyorLanguageService;
  let background: BackgroundFetch;
  let workDoneProgress = false;

  connection.onInitialize((params): InitializeResult => {
    const capabilities = params.capabilities;
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    metadata = createMetadata({ storage: platform.cacheStorage(options, requests), endpoint: DEFAULT_ARXIV_ENDPOINT, log, browser: platform.browser });
    // A cache read through the client arrives after the first documents may have been checked.
    void metadata.cache?.loaded.then(() => {
      if (initialized) metadataChanged();
    });
    service = new SurveyorLanguageService({
      settings,
      logger: { log },
      metadata: metadata.store,
      files: platform.repositoryFiles,
      taxonomy: (s) => taxonomies.get(s),
    });
    workDoneProgress = capabilities.window?.workDoneProgress === true;
    background = new BackgroundFetch({
      metadata,
      settingsFor: (uri) => settings.settingsFor(uri),
      idsOf: async (document) => {
        await service.prepare(document, pause);
        return service.getArxivIds(document);
      },
      startProgress: async (title) => {
        if (!workDoneProgress) return undefined;
        const reporter = await connection.window.createWorkDoneProgress();
        reporter.begin(title, 0, undefined, false);
        return reporter;
      },
      changed: metadataChanged,
      log,
    });
    canPullConfiguration = capabilities.workspace?.configuration === true;
    // Only Surveyor's own VS Code client vouches that the endpoint comes from the user's own settings; a client's name proves nothing.
    const clientName = typeof params.clientInfo?.name === 'string' && params.clientInfo.name !== '' ? params.clientInfo.name.slice(0, 40) : 'the editor';
    ownClient = platform.ownClientOnly === true || options.client === 'vscode';
    if (options.client !== 'vscode') clientSettingsName = `${clientName} settings (${SETTINGS_SECTION})`;
    pushed.atInitialize(params.initializationOptions);
    pullDiagnostics = capabilities.textDocument?.diagnostic !== undefined;
    workspaceFolders = (params.workspaceFolders ?? []).map((f) => URI.parse(f.uri).toString());
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: {
          codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, CodeActionKinds.renumberAllLists, CodeActionKinds.fixAll],
        },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['#', ' ', '*', '(', '"', '[', '_'] },
        documentSymbolProvider: { label: 'Survey' },
        workspaceSymbolProvider: true,
        foldingRangeProvider: true,
        selectionRangeProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        codeLensProvider: { resolveProvider: false },
        documentLinkProvider: { resolveProvider: false },
        executeCommandProvider: { commands: [ServerCommands.insertPaper] },
        ...(pullDiagnostics ? { diagnosticProvider: { identifier: 'surveyor', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'surveyor', version: SERVER_VERSION },
    };
  });

  connection.onInitialized(() => {
    initialized = true;
    markInitialized();
    if (canPullConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      const paths = (folders: unknown) => (Array.isArray(folders) ? folders.filter((f) => typeof f?.uri === 'string').map((f: { uri: string }) => URI.parse(f.uri).toString()) : []);
      const removed = new Set(paths(event?.removed));
      workspaceFolders = workspaceFolders.filter((f) => !removed.has(f)).concat(paths(event?.added));
      configurationChanged();
    });
  });

  /** Settings or `.surveyor.json` changed: re-read them and refresh every survey's diagnostics. */
  function configurationChanged(): void {
    settings.clear();
    service.settingsChanged();
    refreshDiagnostics();
    for (const document of documents.all()) void whenSurvey(document, (d) => background.schedule(d));
  }

  /** arXiv metadata arrived: rules that read it (`title-mismatch`) run again. */
  function metadataChanged(): void {
    service.metadataChanged();
    refreshDiagnostics();
  }

  function refreshDiagnostics(): void {
    if (pullDiagnostics) void connection.languages.diagnostics.refresh();
    else for (const document of documents.all()) schedulePush(document);
  }

  async function whenSurvey(document: TextDocument, then: (document: TextDocument) => void): Promise<void> {
    const survey = await surveyDocument(document.uri);
    if (survey) then(survey);
  }

  connection.onDidChangeConfiguration((params) => {
    // An editor that cannot be asked (Neovim 0.7) sends the settings themselves.
    pushed.onDidChangeConfiguration(params);
    configurationChanged();
  });
  connection.onDidChangeWatchedFiles(configurationChanged);

  async function surveyDocument(uri: string): Promise<TextDocument | undefined> {
    const document = documents.get(uri);
    if (!document) return undefined;
    await settings.ensure(uri);
    return settings.isSurvey(uri) ? document : undefined;
  }

  const pause = platform.pause;

  /**
   * A survey document, parsed: a document not parsed yet is read in slices
   * that let other requests in (`SurveyorLanguageService.prepare`), so the
   * answer that follows does not hold up the server.
   */
  async function parsedSurvey(uri: string, token?: CancellationToken): Promise<TextDocument | undefined> {
    const document = await surveyDocument(uri);
    if (document) await service.prepare(document, pause, token);
    return document;
  }

  connection.languages.diagnostics.on((params, token) =>
    runSafe(log, 'diagnostics', { kind: DocumentDiagnosticReportKind.Full, items: [] }, token, async () => {
      checkParams(params);
      const document = await parsedSurvey(params.textDocument.uri, token);
      return { kind: DocumentDiagnosticReportKind.Full, items: document ? service.getDiagnostics(document, token) : [] };
    }, { retriggerRequest: true }),
  );

  connection.onCodeAction((params, token) =>
    runSafe(log, 'code actions', [], token, async () => {
      checkParams(params, { range: true, codeActionContext: true });
      const document = await parsedSurvey(params.textDocument.uri, token);
      return document ? service.getCodeActions(document, params.range, params.context, token) : [];
    }),
  );

  const memoryUsage = platform.memoryUsage;
  if (memoryUsage) connection.onRequest(new RequestType<void, MemoryUsage, void>(MemoryUsageRequest), () => memoryUsage());

  connection.onRequest(new RequestType<RenumberAllListsParams, WorkspaceEdit | null, void>(RenumberAllListsRequest), (params, token) =>
    runSafe(log, 'renumber all lists', null, token, async () => {
      checkParams(params);
      const document = await parsedSurvey(params.textDocument.uri, token);
      const edits = document ? service.getRenumberAllListsEdits(document, token) : [];
      return edits.length > 0 ? { changes: { [params.textDocument.uri]: edits } } : null;
    }),
  );

  connection.onHover((params, token) =>
    runSafe(log, 'hover', null, token, async () => {
      checkParams(params, { position: true });
      const document = await parsedSurvey(params.textDocument.uri, token);
      if (!document) return null;
      // Ask arXiv in the background; the hover answers now with what is known ("fetching…").
      const id = service.arxivIdAt(document, params.position);
      if (id) background.fetchNow(document.uri, [id]);
      return service.getHover(document, params.position, token);
    }),
  );

  /** A request on a survey document, answered by the service; `fallback` for other documents and on failure. */
  function onSurvey<P extends { textDocument: { uri: string } }, R>(name: string, fallback: R, needs: Needs, answer: (document: TextDocument, params: P, token: CancellationToken) => R) {
    return (params: P, token: CancellationToken) =>
      runSafe(log, name, fallback, token, async () => {
        checkParams(params, needs);
        const document = await parsedSurvey(params.textDocument.uri, token);
        return document ? answer(document, params, token) : fallback;
      });
  }

  connection.onCompletion((params, token) =>
    runSafe(log, 'completion', { isIncomplete: false, items: [] }, token, async () => {
      checkParams(params, { position: true });
      const document = await parsedSurvey(params.textDocument.uri, token);
      if (!document) return { isIncomplete: false, items: [] };
      // The category tree `.surveyor.json` names, read again if it changed (through the client, in a virtual workspace).
      await taxonomies.refresh(settings.settingsFor(document.uri));
      return service.getCompletions(document, params.position, token);
    }),
  );
  connection.onDocumentSymbol(onSurvey('document symbols', [], {}, (d, _p, t) => service.getDocumentSymbols(d, t)));
  connection.onFoldingRanges(onSurvey('folding ranges', [], {}, (d, _p, t) => service.getFoldingRanges(d, t)));
  connection.onSelectionRanges(onSurvey('selection ranges', [], { positions: true }, (d, p, t) => service.getSelectionRanges(d, p.positions, t)));
  connection.onDefinition(onSurvey('definition', [], { position: true }, (d, p, t) => service.getDefinition(d, p.position, t)));
  connection.onReferences(onSurvey('references', [], { position: true, referenceContext: true }, (d, p, t) => service.getReferences(d, p.position, p.context.includeDeclaration, t)));
  connection.onPrepareRename(onSurvey('prepare rename', null, { position: true }, (d, p, t) => service.prepareRename(d, p.position, t)));
  connection.onCodeLens(onSurvey('code lenses', [], {}, (d, _p, t) => service.getCodeLenses(d, t)));
  connection.onDocumentLinks(onSurvey('document links', [], {}, (d) => service.getDocumentLinks(d)));

  connection.onRenameRequest(onSurvey('rename', null, { position: true, newName: true }, (d, p, t) => ({ changes: { [d.uri]: service.rename(d, p.position, p.newName, t) } })));

  connection.onWorkspaceSymbol((params, token) =>
    runSafe(log, 'workspace symbols', [], token, async () => {
      checkQuery(params);
      const surveys: TextDocument[] = [];
      for (const document of documents.all()) if (await parsedSurvey(document.uri, token)) surveys.push(document);
      return service.getWorkspaceSymbols(surveys, params.query, token);
    }),
  );

  connection.onExecuteCommand((params) =>
    runSafe(log, 'command', undefined, undefined, async () => {
      if (params.command !== ServerCommands.insertPaper) return;
      const args: unknown = Array.isArray(params?.arguments) ? params.arguments[0] : undefined;
      if (args !== undefined) checkInsertPaperArgs(args);
      const deps = {
        service,
        metadata,
        background,
        surveyDocument,
        // A client may answer null or nothing: that is an edit not applied, not a TypeError.
        applyEdits: async (label: string, uri: string, edits: TextEdit[]) => {
          const reply: unknown = await connection.workspace.applyEdit({ label, edit: { changes: { [uri]: edits } } });
          return typeof reply === 'object' && reply !== null && 'applied' in reply ? (reply as { applied: boolean; failureReason?: string }) : { applied: false, failureReason: 'the editor answered without a result' };
        },
      };
      const message = args ? await insertPaperCommand(deps, args as InsertPaperArgs) : 'Surveyor: Insert Paper from arXiv needs a document and a position.';
      if (message) showMessage(MessageType.Info, message);
    }),
  );

  // Clients without pull diagnostics get them pushed, a moment after typing stops.
  const pushTimers = new Map<string, ReturnType<typeof setTimeout>>();
  function schedulePush(document: TextDocument): void {
    if (pullDiagnostics) return;
    clearTimeout(pushTimers.get(document.uri));
    pushTimers.set(
      document.uri,
      setTimeout(() => {
        pushTimers.delete(document.uri);
        void runSafe(log, 'diagnostics', undefined, undefined, async () => {
          const current = await parsedSurvey(document.uri);
          if (current) await connection.sendDiagnostics({ uri: current.uri, version: current.version, diagnostics: service.getDiagnostics(current) });
        });
      }, 150),
    );
  }

  documents.onDidChangeContent((event) => {
    schedulePush(event.document);
    void whenSurvey(event.document, (d) => background.schedule(d));
  });
  documents.onDidClose((event) => {
    clearTimeout(pushTimers.get(event.document.uri));
    pushTimers.delete(event.document.uri);
    service.forget(event.document.uri);
    background.forget(event.document.uri);
    settings.forget(event.document.uri);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  documents.listen(connection);
  connection.listen();
}
