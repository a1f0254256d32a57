import { BrowserMessageReader, BrowserMessageWriter, ProposedFeatures, createConnection } from 'vscode-languageserver/browser';
import { startLanguageServer } from './languageServer';
import { cacheViaClient } from './metadata/cacheViaClient';
import type { ServerPlatform } from './serverPlatform';

/**
 * The language server in a browser's web worker (vscode.dev, github.dev),
 * started by the web client (client/src/browserExtension.ts). It has no disk:
 * `.surveyor.json`, its taxonomy and the arXiv cache (in the extension's
 * global storage) are read and written by the client with
 * `vscode.workspace.fs`; the bundled snapshot is part of this bundle.
 */
/** The worker's global scope, as far as this file uses it (the project is typed for Node, not with the WebWorker lib). */
interface WorkerScope {
  addEventListener(type: 'error' | 'unhandledrejection', listener: (event: { message?: string; reason?: unknown }) => void): void;
}
declare const self: WorkerScope;
const port = self as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];

/** A MessageChannel as the browser has it (Node's typings describe its own). */
interface BrowserChannel {
  port1: { onmessage: (() => void) | null };
  port2: { postMessage(message: unknown): void };
}

const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(port), new BrowserMessageWriter(port));

/** A message to itself yields to the event loop at once; `setTimeout(0)` is held back 4 ms once nested. */
function yielder(): () => Promise<void> {
  const waiting: (() => void)[] = [];
  const channel = new MessageChannel() as unknown as BrowserChannel;
  channel.port1.onmessage = () => waiting.shift()?.();
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(undefined);
    });
}

const browser: ServerPlatform = {
  workspaceFiles: (viaClient) => viaClient,
  cacheStorage: (options, requests) => (typeof options.cacheUri === 'string' && options.cacheUri !== '' ? cacheViaClient(options.cacheUri, requests) : undefined),
  // Whether a linked file exists would be a request to the client per link, on every keystroke: `missing-file` stays silent here.
  repositoryFiles: undefined,
  pause: yielder(),
  ownClientOnly: true,
  browser: {
    unreachableNote:
      'live metadata is not available in the browser here: a web page gets an answer from arXiv only if its API allows the request (the browser\'s cross-origin rules) and the network is up; the bundled snapshot and the cache are used instead, and arXiv is not asked again until the window is reloaded',
  },
};

self.addEventListener('unhandledrejection', (event) => connection.console.log(`Unhandled rejection: ${String(event.reason)}`));
self.addEventListener('error', (event) => connection.console.log(`Uncaught exception: ${String(event.message)}`));

startLanguageServer(connection, browser);
