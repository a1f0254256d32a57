import type { InitializationOptions, MemoryUsage } from '../../shared/protocol';
import type { ClientFileRequests } from './clientFileRequests';
import type { CacheStorage } from './metadata/cacheStorage';
import type { RepositoryFiles } from './service/repositoryFiles';
import type { WorkspaceFiles } from './workspaceFiles';

/**
 * What the language server needs from where it runs: Node (server.ts:
 * the disk, `setImmediate`) or a browser's web worker (browserServer.ts:
 * no disk, every file through the client). Everything else is the same code.
 */
export interface ServerPlatform {
  /** The workspace's files (`.surveyor.json`, its taxonomy), given those the client can read (`viaClient`). */
  workspaceFiles(viaClient: WorkspaceFiles): WorkspaceFiles;
  /** Where the arXiv cache is kept, from what the client said at start; undefined keeps it in memory only. */
  cacheStorage(options: InitializationOptions, requests: ClientFileRequests): CacheStorage | undefined;
  /** The files beside a survey, for `missing-file`; undefined where they cannot be looked at (the rule stays silent). */
  repositoryFiles: RepositoryFiles | undefined;
  /** Yields to the event loop, so that other requests and cancellations are read between slices of work. */
  pause(): Promise<void>;
  /** For load tests and bug reports (`surveyor/memoryUsage`), where the platform can tell. */
  memoryUsage?(): MemoryUsage;
  /** Whether the client is Surveyor's own whatever it says (the web worker: only Surveyor's web client starts it), so it answers file requests. */
  ownClientOnly?: boolean;
  /** Set in a browser, which may block requests to arXiv (see ArxivClientOptions.browser). */
  browser?: { unreachableNote: string };
}
