import * as path from 'node:path';
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { startLanguageServer } from './languageServer';
import { CACHE_FILE_NAME, cacheOnDisk, defaultCacheDir } from './metadata/cacheOnDisk';
import { repositoryFilesOnDisk } from './repositoryFilesOnDisk';
import { serverCommandLine } from './serverArgs';
import type { ServerPlatform } from './serverPlatform';
import { workspaceFilesOnDisk } from './workspaceFilesOnDisk';

/**
 * The language server in Node: VS Code desktop starts it over IPC, other
 * editors as `surveyor-language-server` over stdio. It reads `file:` URIs
 * from the disk and asks the client for the files of a virtual workspace.
 */
const commandLine = serverCommandLine(process.argv.slice(2));
if (commandLine.kind === 'print') {
  process.stdout.write(`${commandLine.text}\n`);
  process.exit(0);
}
// vscode-languageserver reads its transport from process.argv (and, on stdio, keeps console.log off the protocol's stdout).
process.argv.splice(2, Infinity, ...commandLine.argv);
const connection = createConnection(ProposedFeatures.all);

const node: ServerPlatform = {
  workspaceFiles: (viaClient) => workspaceFilesOnDisk(viaClient),
  cacheStorage: (options) => {
    const folder = typeof options.cacheDir === 'string' && options.cacheDir !== '' ? options.cacheDir : defaultCacheDir();
    return cacheOnDisk(path.join(folder, CACHE_FILE_NAME));
  },
  repositoryFiles: repositoryFilesOnDisk(),
  pause: () => new Promise<void>((resolve) => setImmediate(resolve)),
  memoryUsage: () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const usage = process.memoryUsage();
    return { heapUsedMb: usage.heapUsed / 1e6, rssMb: usage.rss / 1e6, collected: gc !== undefined };
  },
};

process.on('uncaughtException', (error) => connection.console.log(`Uncaught exception: ${error.stack ?? String(error)}`));
process.on('unhandledRejection', (reason) => connection.console.log(`Unhandled rejection: ${String(reason)}`));

startLanguageServer(connection, node);
