import { ArxivClient } from './arxivClient';
import type { CacheStorage } from './cacheStorage';
import { REAL_CLOCK, type Clock } from './clock';
import { MetadataCache } from './metadataCache';
import { MetadataStore } from './metadataStore';
import { loadSnapshot } from './snapshot';

export interface Metadata {
  store: MetadataStore;
  client: ArxivClient;
  /** The persistent cache, which `store.fetch` writes when it fetched something; none when there is nowhere to keep it. */
  cache: MetadataCache | undefined;
}

export interface MetadataOptions {
  /** Where the cache is kept; in memory only when undefined. */
  storage: CacheStorage | undefined;
  endpoint: string;
  log: (message: string) => void;
  clock?: Clock;
  /** Set in a browser (see ArxivClientOptions.browser). */
  browser?: { unreachableNote: string };
}

/** The store (memory, cache, snapshot) and the one arXiv client of this process. */
export function createMetadata(options: MetadataOptions): Metadata {
  const clock = options.clock ?? REAL_CLOCK;
  const cache = options.storage ? new MetadataCache(options.storage, options.log) : undefined;
  const store = new MetadataStore({ snapshot: loadSnapshot(), cache, endpoint: options.endpoint, clock, log: options.log });
  const client = new ArxivClient(options.endpoint, { clock, log: options.log, browser: options.browser });
  return { store, client, cache };
}
