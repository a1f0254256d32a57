import type { ArxivRecord, MetadataSource, MetadataState, RecordSource } from '../service/metadata';
import type { ArxivClient, FetchOptions } from './arxivClient';
import type { Clock } from './clock';
import type { MetadataCache } from './metadataCache';

export interface MetadataStoreOptions {
  snapshot: Map<string, ArxivRecord>;
  cache?: MetadataCache;
  /** Where records come from until `configure` says otherwise. */
  endpoint: string;
  clock: Clock;
  log: (message: string) => void;
}

export interface StoreSettings {
  /** Online with this client, or offline (`undefined`). */
  client: ArxivClient | undefined;
  /** Where records come from: the cache keeps each endpoint's apart. */
  endpoint: string;
  /** Days before a cached record is fetched again (when online). */
  cacheDays: number;
}

/** What one `fetch` did, id by id. */
export interface FetchReport {
  /** The ids sent for (unknown, or known only from the snapshot or from long ago): their state may have changed. */
  asked: string[];
  fetched: string[];
  /** Valid ids arXiv does not have. */
  missing: string[];
  /** Ids that cannot exist, with the reason; not sent. */
  invalid: Map<string, string>;
  /** Ids that could not be fetched, with the reason. */
  failed: Map<string, string>;
  /** Whether the cache file was written. */
  saved: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const RETRY_FAILED_MS = 5 * 60 * 1000;

/**
 * arXiv metadata from, in order: what was fetched in this session, the
 * persistent cache, the bundled snapshot, and (when online) the live API.
 * `lookup` never waits; `fetch` asks arXiv for what is unknown or stale and
 * says what became of each id. What is known is kept apart per endpoint: a
 * change of endpoint forgets what the session learnt from the other one.
 */
export class MetadataStore implements MetadataSource {
  private readonly fetched = new Map<string, ArxivRecord>();
  private readonly missing = new Map<string, string>();
  private readonly inFlight = new Set<string>();
  /** Ids whose fetch failed (network, timeout), and why: not asked for again before `until`, so a dead network is not hammered. */
  private readonly failures = new Map<string, { until: number; reason: string }>();
  private client: ArxivClient | undefined;
  private cacheDays = 30;
  private endpoint: string;

  constructor(private readonly options: MetadataStoreOptions) {
    this.endpoint = options.endpoint;
  }

  configure(settings: StoreSettings): void {
    if (settings.endpoint !== this.endpoint) {
      // What the session learnt came from the other endpoint.
      this.fetched.clear();
      this.missing.clear();
      this.failures.clear();
    }
    this.client = settings.client;
    this.endpoint = settings.endpoint;
    this.cacheDays = settings.cacheDays;
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
    if (reason) return { kind: 'missing', reason };
    const failure = this.failures.get(id);
    return failure ? { kind: 'unknown', lastFailure: failure.reason } : { kind: 'unknown' };
  }

  /** The ids among `ids` that arXiv should be asked for: unknown, only in the snapshot, or cached longer than `cacheDays`. */
  wanted(ids: Iterable<string>): string[] {
    const now = this.options.clock.now();
    const wanted: string[] = [];
    for (const id of new Set(ids)) {
      if (this.fetched.has(id) || this.missing.has(id) || this.inFlight.has(id) || (this.failures.get(id)?.until ?? 0) > now) continue;
      const cached = this.options.cache?.get(this.endpoint, id);
      // A time in the future (a clock set back, an edited file) does not make a record fresh.
      if (cached && cached.fetchedAt <= now && now - cached.fetchedAt < this.cacheDays * DAY_MS) continue;
      wanted.push(id);
    }
    return wanted;
  }

  /** Fetches the wanted ids when online, and says what became of each. */
  async fetch(ids: Iterable<string>, options: Omit<FetchOptions, 'endpoint'> = {}): Promise<FetchReport> {
    // A cache read through the client may still be on its way: what it holds is not asked for again.
    // (Only then is there a wait: a fetch marks its ids as in flight at once, and a hover says "fetching".)
    if (this.options.cache && !this.options.cache.isLoaded) await this.options.cache.loaded;
    const client = this.client;
    const endpoint = this.endpoint;
    const wanted = client ? this.wanted(ids) : [];
    const report: FetchReport = { asked: wanted, fetched: [], missing: [], invalid: new Map(), failed: new Map(), saved: false };
    if (!client || wanted.length === 0) return report;
    for (const id of wanted) this.inFlight.add(id);
    try {
      const outcome = await client.fetchRecords(wanted, { ...options, endpoint });
      const fetchedAt = this.options.clock.now();
      // The endpoint may have changed meanwhile: what this one answered goes to its part of the cache only.
      const current = endpoint === this.endpoint;
      for (const [id, record] of outcome.records) {
        if (current) this.fetched.set(id, record);
        this.options.cache?.put(endpoint, record, fetchedAt);
      }
      if (current) {
        for (const id of outcome.missing) this.missing.set(id, 'arXiv has no paper with this id');
        for (const [id, reason] of outcome.invalid) this.missing.set(id, `this id cannot exist (${reason})`);
        for (const [id, reason] of outcome.failed) this.failures.set(id, { until: fetchedAt + RETRY_FAILED_MS, reason });
      }
      if (outcome.records.size > 0) report.saved = (await this.options.cache?.save()) ?? false;
      return { ...report, fetched: [...outcome.records.keys()], missing: outcome.missing, invalid: outcome.invalid, failed: outcome.failed };
    } finally {
      for (const id of wanted) this.inFlight.delete(id);
    }
  }

  private known(id: string): { record: ArxivRecord; source: RecordSource } | undefined {
    const fetched = this.fetched.get(id);
    if (fetched) return { record: fetched, source: 'arxiv' };
    const cached = this.options.cache?.get(this.endpoint, id);
    if (cached) return { record: cached.record, source: 'cache' };
    const snap = this.options.snapshot.get(id);
    return snap ? { record: snap, source: 'snapshot' } : undefined;
  }
}
