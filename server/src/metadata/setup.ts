import * as os from 'node:os';
import * as path from 'node:path';
import { ArxivClient } from './arxivClient';
import { REAL_CLOCK, type Clock } from './clock';
import { MetadataCache } from './metadataCache';
import { MetadataStore } from './metadataStore';
import { loadSnapshot } from './snapshot';

export const CACHE_FILE_NAME = 'arxiv-cache.json';

/** `~/.cache/surveyor` (or `$XDG_CACHE_HOME/surveyor`): the CLI's cache, and the server's when the editor gives none. */
export function defaultCacheDir(): string {
  const base = process.env.XDG_CACHE_HOME && path.isAbsolute(process.env.XDG_CACHE_HOME) ? process.env.XDG_CACHE_HOME : path.join(os.homedir(), '.cache');
  return path.join(base, 'surveyor');
}

export interface Metadata {
  store: MetadataStore;
  client: ArxivClient;
  /** The cache file, which `store.fetch` writes when it fetched something. */
  cacheFile: string;
}

/** The store (memory, cache in `cacheDir`, snapshot) and the one arXiv client of this process. */
export function createMetadata(cacheDir: string, endpoint: string, log: (message: string) => void, clock: Clock = REAL_CLOCK): Metadata {
  const cacheFile = path.join(cacheDir, CACHE_FILE_NAME);
  const store = new MetadataStore({ snapshot: loadSnapshot(), cache: new MetadataCache(cacheFile, log), endpoint, clock, log });
  return { store, client: new ArxivClient(endpoint, { clock, log }), cacheFile };
}
