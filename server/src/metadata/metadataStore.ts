import type { ArxivRecord, MetadataSource, MetadataState, RecordSource } from '../service/metadata';
import type { ArxivClient } from './arxivClient';
import type { Clock } from './clock';
import type { MetadataCache } from './metadataCache';

export interface MetadataStoreOptions {
  snapshot: Map<string, ArxivRecord>;
  cache?: MetadataCache;
  clock: Clock;
  log: (message: string) => void;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const RETRY_FAILED_MS = 5 * 60 * 1000;

/**
 * arXiv metadata from, in order: what was fetched in this session, the
 * persistent cache, the bundled snapshot, and (when online) the live API.
 * `lookup` never waits; `fetch` asks arXiv for what is unknown or stale and
 * says which ids changed.
 */
export class MetadataStore implements MetadataSource {
  private readonly fetched = new Map<string, ArxivRecord>();
  private readonly missing = new Map<string, string>();
  private readonly inFlight = new Set<string>();
  /** Ids whose fetch failed (network, timeout): not asked for again before this time, so a dead network is not hammered. */
  private readonly failedUntil = new Map<string, number>();
  private client: ArxivClient | undefined;
  private cacheDays = 30;

  constructor(private readonly options: MetadataStoreOptions) {}

  /** Online with this client and freshness, or offline (`undefined`). */
  configure(client: ArxivClient | undefined, cacheDays: number): void {
    this.client = client;
    this.cacheDays = cacheDays;
  }

  get online(): boolean {
    return this.client !== undefined;
  }

  lookup(id: string): MetadataState {
    const fetching = this.inFlight.has(id);
    const known = this.known(id);
    if (known) return { kind: 'known', record: known.record, source: known.source, fetching };
    if (fetching) return { kind: 'fetching' };
    const reason = this.missing.get(id);
    return reason ? { kind: 'missing', reason } : { kind: 'unknown' };
  }

  /** The ids among `ids` that arXiv should be asked for: unknown, only in the snapshot, or cached longer than `cacheDays`. */
  wanted(ids: Iterable<string>): string[] {
    const now = this.options.clock.now();
    const wanted: string[] = [];
    for (const id of new Set(ids)) {
      if (this.fetched.has(id) || this.missing.has(id) || this.inFlight.has(id) || (this.failedUntil.get(id) ?? 0) > now) continue;
      const cached = this.options.cache?.get(id);
      if (cached && now - cached.fetchedAt < this.cacheDays * DAY_MS) continue;
      wanted.push(id);
    }
    return wanted;
  }

  /** Fetches the wanted ids when online; resolves to the ids whose state changed. */
  async fetch(ids: Iterable<string>, onProgress?: (done: number, total: number) => void): Promise<string[]> {
    const client = this.client;
    const wanted = this.wanted(ids);
    if (!client || wanted.length === 0) return [];
    for (const id of wanted) this.inFlight.add(id);
    try {
      const outcome = await client.fetchRecords(wanted, onProgress);
      const fetchedAt = this.options.clock.now();
      for (const [id, record] of outcome.records) {
        this.fetched.set(id, record);
        this.options.cache?.put(record, fetchedAt);
      }
      for (const id of outcome.missing) this.missing.set(id, 'arXiv has no paper with this id');
      for (const [id, reason] of outcome.invalid) this.missing.set(id, `this id cannot exist (${reason})`);
      for (const id of outcome.failed.keys()) this.failedUntil.set(id, fetchedAt + RETRY_FAILED_MS);
      if (outcome.records.size > 0) this.options.cache?.save();
      return wanted;
    } finally {
      for (const id of wanted) this.inFlight.delete(id);
    }
  }

  private known(id: string): { record: ArxivRecord; source: RecordSource } | undefined {
    const fetched = this.fetched.get(id);
    if (fetched) return { record: fetched, source: 'arxiv' };
    const cached = this.options.cache?.get(id);
    if (cached) return { record: cached.record, source: 'cache' };
    const snap = this.options.snapshot.get(id);
    return snap ? { record: snap, source: 'snapshot' } : undefined;
  }
}
