import * as fs from 'node:fs';
import * as path from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import * as vm from 'node:vm';
import { AbstractMessageReader, AbstractMessageWriter, Disposable, type DataCallback, type Message } from 'vscode-languageserver-protocol/node';
import { ROOT } from './fixtures';
import type { ServerTransport } from './lspClient';

/** The web worker server bundle, as vscode.dev loads it. */
export const WEB_SERVER_BUNDLE = path.join(ROOT, 'dist', 'browser', 'server.js');

/**
 * The web worker bundle (dist/browser/server.js), run in Node as a browser
 * runs it: in a context of its own whose globals are only those a web worker
 * has (no `process`, `require`, `Buffer` or `setImmediate`: a bundle that
 * reaches for them fails here as it would in vscode.dev), talking over
 * `postMessage` as the web client's Worker does.
 */
export function webWorkerServer(options: { fetch?: typeof fetch } = {}): ServerTransport {
  const toClient = new Set<(message: unknown) => void>();
  let toServer: ((event: { data: unknown }) => void) | null = null;
  const channels: { port1: { close(): void }; port2: { close(): void } }[] = [];
  const worker: Record<string, unknown> = {
    console,
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    queueMicrotask,
    structuredClone,
    TextEncoder,
    TextDecoder,
    URL,
    URLSearchParams,
    AbortController,
    AbortSignal,
    performance,
    // By default no request leaves: a fetch fails as a browser's does when it blocks one (cross-origin rules) or is offline.
    fetch: options.fetch ?? (() => Promise.reject(new TypeError('Failed to fetch'))),
    MessageChannel: class {
      constructor() {
        const channel = new MessageChannel();
        // The channel only yields to the event loop; it must not keep the test process alive.
        channel.port1.unref();
        channel.port2.unref();
        channels.push(channel);
        return channel;
      }
    },
    postMessage: (message: unknown) => {
      const copy = structuredClone(message);
      setImmediate(() => toClient.forEach((deliver) => deliver(copy)));
    },
    addEventListener: () => {},
    removeEventListener: () => {},
  };
  worker.self = worker;
  Object.defineProperty(worker, 'onmessage', { set: (listener) => (toServer = listener), get: () => toServer });
  const context = vm.createContext(worker, { name: 'web worker' });
  vm.runInContext(fs.readFileSync(WEB_SERVER_BUNDLE, 'utf8'), context, { filename: WEB_SERVER_BUNDLE });

  class WorkerReader extends AbstractMessageReader {
    listen(callback: DataCallback): Disposable {
      const deliver = (message: unknown) => callback(message as Message);
      toClient.add(deliver);
      return Disposable.create(() => toClient.delete(deliver));
    }
  }
  class WorkerWriter extends AbstractMessageWriter {
    async write(message: Message): Promise<void> {
      const copy = structuredClone(message);
      setImmediate(() => toServer?.({ data: copy }));
    }
    end(): void {}
  }
  return {
    reader: new WorkerReader(),
    writer: new WorkerWriter(),
    async end() {
      toServer = null;
      for (const channel of channels) {
        channel.port1.close();
        channel.port2.close();
      }
    },
  };
}
