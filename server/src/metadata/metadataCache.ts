import type { ArxivRecord } from '../service/metadata';
import type { CacheStorage } from './cacheStorage';
import { checkedRecord } from './checkedRecord';

export interface CachedRecord {
  record: ArxivRecord;
  /** When the record was fetched from arXiv, in ms since the epoch. */
  fetchedAt: number;
}

/** Format 1 kept one set of records whatever endpoint answered; format 2 keeps one set per endpoint. */
const FORMAT = 2;

/**
 * The persistent metadata cache: one JSON text (a file in the extension's
 * global storage, or `~/.cache/surveyor` for the CLI; see CacheStorage). Records
 * are kept apart by the endpoint that gave them, so that what another
 * endpoint answered is never shown once the setting is back to arXiv. A file
 * that cannot be read as a cache is set aside (renamed) with a log line and a
 * new one is started; the cache is never a reason to fail. Every record read
 * is checked as a network answer is: the file is not trusted.
 */
export class MetadataCache {
  /** Endpoint → id → record. */
  private readonly endpoints = new Map<string, Map<string, CachedRecord>>();

  /** Settles once the stored cache has been read (at once for a file on disk); what it held is then known. */
  readonly loaded: Promise<void>;
  /** Whether `loaded` has settled: a file on disk is read within the constructor. */
  isLoaded = false;

  constructor(
    private readonly storage: CacheStorage,
    private readonly log: (message: string) => void,
  ) {
    this.loaded = this.load().finally(() => (this.isLoaded = true));
  }

  /** Where the cache is kept, for messages. */
  get name(): string {
    return this.storage.name;
  }

  get(endpoint: string, id: string): CachedRecord | undefined {
    return this.endpoints.get(endpoint)?.get(id);
  }

  put(endpoint: string, record: ArxivRecord, fetchedAt: number): void {
    let records = this.endpoints.get(endpoint);
    if (!records) this.endpoints.set(endpoint, (records = new Map()));
    records.set(record.id, { record, fetchedAt });
  }

  /** Writes the cache (once what was stored before is read, so none of it is lost); false, with a log line, when it cannot be written. */
  async save(): Promise<boolean> {
    await this.loaded;
    const endpoints = Object.fromEntries([...this.endpoints].map(([endpoint, records]) => [endpoint, Object.fromEntries([...records].sort(([a], [b]) => a.localeCompare(b)))]));
    try {
      await this.storage.write(JSON.stringify({ format: FORMAT, endpoints }));
      return true;
    } catch (error) {
      this.log(`Cannot write the arXiv cache ${this.name}: ${(error as Error).message}; metadata is kept in memory only.`);
      return false;
    }
  }

  private load(): Promise<void> {
    let read: string | undefined | Promise<string | undefined>;
    try {
      read = this.storage.read();
    } catch (error) {
      this.cannotRead(error);
      return Promise.resolve();
    }
    if (typeof read === 'object') {
      return read.then(
        (text) => (text === undefined ? undefined : this.parse(text)),
        (error: unknown) => this.cannotRead(error),
      );
    }
    // A file on disk: read now, so that the first lookup already sees the cache.
    const parsed = read === undefined ? Promise.resolve() : this.parse(read);
    this.isLoaded = true;
    return parsed;
  }

  private cannotRead(error: unknown): void {
    this.log(`Cannot read the arXiv cache ${this.name}: ${(error as Error).message}; starting without it.`);
  }

  /** Fills the cache from its stored text: at once when the text is valid, else after setting the text aside. */
  private parse(text: string): Promise<void> {
    try {
      const parsed = JSON.parse(text) as { format?: unknown; endpoints?: unknown };
      if (parsed.format === 1) {
        // Which endpoint gave those records is not known: they are not trusted to be arXiv's.
        this.log(`The arXiv cache ${this.name} is of an older format that does not say which endpoint answered; starting a new one.`);
        return Promise.resolve();
      }
      if (parsed.format !== FORMAT || !isPlainObject(parsed.endpoints)) throw new Error('not a Surveyor cache of this format');
      for (const [endpoint, records] of Object.entries(parsed.endpoints)) {
        if (!isPlainObject(records)) continue;
        for (const [id, value] of Object.entries(records)) {
          const cached = checkedCachedRecord(value, id);
          if (cached) this.put(endpoint, cached.record, cached.fetchedAt);
        }
      }
      return Promise.resolve();
    } catch (error) {
      return this.setAside((error as Error).message);
    }
  }

  /** Sets the stored text aside, and says so: at once for a file on disk. */
  private setAside(why: string): Promise<void> {
    const tell = (aside: string | undefined) =>
      this.log(
        aside
          ? `The arXiv cache ${this.name} was unreadable (${why}); it was set aside as ${aside} and a new one started.`
          : `The arXiv cache ${this.name} was unreadable (${why}); a new one will replace it.`,
      );
    let aside: string | undefined | Promise<string | undefined>;
    try {
      aside = this.storage.setAside();
    } catch {
      aside = undefined;
    }
    if (typeof aside !== 'object') {
      tell(aside);
      return Promise.resolve();
    }
    return aside.then(tell, () => tell(undefined));
  }
}

function checkedCachedRecord(value: unknown, id: string): CachedRecord | undefined {
  if (!isPlainObject(value) || typeof value.fetchedAt !== 'number' || !Number.isFinite(value.fetchedAt)) return undefined;
  const record = checkedRecord(value.record);
  return record && record.id === id ? { record, fetchedAt: value.fetchedAt } : undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
