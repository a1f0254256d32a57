import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { ROOT } from './fixtures';

/**
 * Talks to the built server (`node dist/server.js --stdio`) as an editor does,
 * over JSON-RPC. Tests wait on the server's messages, never on timers.
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
  readonly process: ChildProcess;
  private readonly pushed = new Map<string, PublishDiagnosticsParams>();
  private waiters: (() => void)[] = [];
  refreshes = 0;

  constructor() {
    // --expose-gc lets a load test measure what the server retains, not what it has yet to collect.
    this.process = spawn(process.execPath, ['--expose-gc', ...(process.env.SURVEYOR_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []), path.join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
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
    const result = await this.connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities, workspaceFolders, initializationOptions: { cacheDir } });
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
      if (this.process.exitCode === null) {
        await new Promise<void>((resolve) => {
          this.process.once('exit', () => resolve());
          setTimeout(() => this.process.kill(), 2000).unref();
        });
      }
    }
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}
