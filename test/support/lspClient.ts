import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import {
  createProtocolConnection,
  RequestType,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageReader,
  type MessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { FileKindRequest, ReadFileRequest, WriteFileRequest, type FileKind, type FileKindParams, type ReadFileParams, type ReadFileResult, type WriteFileParams, type WriteFileResult } from '../../shared/protocol';
import { ROOT } from './fixtures';

/** A running server and how to talk to it: the Node server's process, or the web worker bundle (webWorkerServer.ts). */
export interface ServerTransport {
  reader: MessageReader;
  writer: MessageWriter;
  /** The Node server's process; none for the web worker. */
  process?: ChildProcess;
  /** Ends the server once the connection is closed. */
  end(): Promise<void>;
}

/** `node dist/server.js --stdio`. */
export function nodeServer(): ServerTransport {
  // --expose-gc lets a load test measure what the server retains, not what it has yet to collect.
  const child = spawn(process.execPath, ['--expose-gc', ...(process.env.SURVEYOR_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []), path.join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  return {
    reader: new StreamMessageReader(child.stdout!),
    writer: new StreamMessageWriter(child.stdin!),
    process: child,
    async end() {
      if (child.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        setTimeout(() => child.kill(), 2000).unref();
      });
    },
  };
}

/**
 * Talks to a built server (by default `node dist/server.js --stdio`) as an
 * editor does, over JSON-RPC, and answers Surveyor's file requests from the
 * disk as VS Code's client does with `workspace.fs`. Tests wait on the
 * server's messages, never on timers.
 */
export class LspClient {
  readonly connection: ProtocolConnection;
  readonly logs: string[] = [];
  readonly shownMessages: string[] = [];
  /** What the client answers to workspace/configuration for section `surveyor`: offline unless a test says otherwise (tests never reach arXiv). */
  settings: unknown = { arxiv: { online: false } };
  /** `$/progress` values the server sent, in order. */
  readonly progress: { kind: string; title?: string; message?: string }[] = [];
  /** When set, configuration answers wait for it (to hold a request open). */
  configurationGate: Promise<void> | undefined;
  /** Workspace edits the server asked the editor to apply. */
  readonly appliedEdits: unknown[] = [];
  private readonly pushed = new Map<string, PublishDiagnosticsParams>();
  private waiters: (() => void)[] = [];
  refreshes = 0;

  /** Where the server's arXiv cache is, the only folder it may have the client write to. */
  private cacheDir: string | undefined;

  constructor(private readonly server: ServerTransport = nodeServer()) {
    this.connection = createProtocolConnection(server.reader, server.writer);
    answerFileRequests(this.connection, () => this.cacheDir);
    this.connection.onRequest('workspace/configuration', async (params: { items: { section?: string }[] }) => {
      await this.configurationGate;
      return params.items.map((item) => (item.section === 'surveyor' ? this.settings : null));
    });
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification('$/progress', (p: { value: { kind: string; title?: string; message?: string } }) => {
      this.progress.push(p.value);
      this.notify();
    });
    this.connection.onRequest('workspace/applyEdit', (p: { edit: unknown }) => {
      this.appliedEdits.push(p.edit);
      this.notify();
      return { applied: true };
    });
    this.connection.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshes++;
      this.notify();
      return null;
    });
    const show = (p: { message: string }) => {
      this.shownMessages.push(p.message);
      this.notify();
    };
    this.connection.onRequest('window/showMessageRequest', (p: { message: string }) => {
      show(p);
      return null;
    });
    this.connection.onNotification('window/showMessage', show);
    this.connection.onNotification('window/logMessage', (p: { message: string }) => {
      this.logs.push(p.message);
      this.notify();
    });
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.pushed.set(p.uri, p);
      this.notify();
    });
    this.connection.listen();
  }

  async initialize(options: { pullDiagnostics?: boolean; rootPath?: string; cacheDir?: string } = {}): Promise<Record<string, unknown>> {
    const capabilities: ClientCapabilities = {
      window: { workDoneProgress: true },
      workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true }, applyEdit: true },
      textDocument: {
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } } },
        ...(options.pullDiagnostics === false ? {} : { diagnostic: { dynamicRegistration: false } }),
        publishDiagnostics: { relatedInformation: true },
      },
    };
    const workspaceFolders = options.rootPath ? [{ uri: `file://${options.rootPath}`, name: 'ws' }] : null;
    // Each server gets its own arXiv cache, never the user's.
    const cacheDir = options.cacheDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'surveyor-cache-'));
    this.cacheDir = cacheDir;
    // The Node server reads `cacheDir`, the web worker `cacheUri` (through this client).
    const initializationOptions = { cacheDir, cacheUri: URI.file(cacheDir).toString() };
    const result = await this.connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities, workspaceFolders, initializationOptions });
    await this.connection.sendNotification('initialized', {});
    return result as Record<string, unknown>;
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
  }

  change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /** The document's diagnostics, pulled (`textDocument/diagnostic`); the server always answers a full report. */
  async pullDiagnostics(uri: string): Promise<Diagnostic[]> {
    const report = await this.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
    if (report.kind !== 'full') throw new Error(`expected a full diagnostic report for ${uri}, got "${report.kind}"`);
    return report.items;
  }

  /** Resolves once `predicate` holds, re-checked on each message from the server. */
  async until(predicate: () => boolean): Promise<void> {
    while (!predicate()) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  pushedDiagnostics(uri: string): PublishDiagnosticsParams | undefined {
    return this.pushed.get(uri);
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } finally {
      this.connection.dispose();
      await this.server.end();
    }
  }

  /** The Node server's process. */
  get process(): ChildProcess {
    if (!this.server.process) throw new Error('this server is not a process of its own');
    return this.server.process;
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}

/** Surveyor's file requests (shared/protocol.ts), answered from the disk as VS Code answers them with `workspace.fs`. */
function answerFileRequests(connection: ProtocolConnection, cacheDir: () => string | undefined): void {
  const fileOf = (uri: string) => {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' ? parsed.fsPath : undefined;
  };
  connection.onRequest(new RequestType<FileKindParams, FileKind, void>(FileKindRequest), ({ uri }) => {
    const file = fileOf(uri);
    if (!file || !fs.existsSync(file)) return 'none';
    return fs.statSync(file).isDirectory() ? 'folder' : 'file';
  });
  connection.onRequest(new RequestType<ReadFileParams, ReadFileResult, void>(ReadFileRequest), ({ uri, maxBytes }) => {
    const file = fileOf(uri);
    if (!file || !fs.existsSync(file)) return { problem: 'not found' };
    const stat = fs.statSync(file);
    if (!stat.isFile()) return { problem: 'not a file' };
    if (stat.size > maxBytes) return { problem: 'too large' };
    return { text: fs.readFileSync(file, 'utf8'), version: `${stat.mtimeMs}:${stat.size}` };
  });
  connection.onRequest(new RequestType<WriteFileParams, WriteFileResult, void>(WriteFileRequest), ({ uri, text }) => {
    const file = fileOf(uri);
    const folder = cacheDir();
    if (!file || !folder || !file.startsWith(folder + path.sep)) return { problem: 'Surveyor writes only into its own storage' };
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return { written: true };
  });
}
