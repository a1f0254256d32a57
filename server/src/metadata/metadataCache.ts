import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ArxivRecord } from '../service/metadata';
import { writeFileAtomic } from '../writeFileAtomic';
import { checkedRecord } from './checkedRecord';

export interface CachedRecord {
  record: ArxivRecord;
  /** When the record was fetched from arXiv, in ms since the epoch. */
  fetchedAt: number;
}

/** Format 1 kept one set of records whatever endpoint answered; format 2 keeps one set per endpoint. */
const FORMAT = 2;

/**
 * The persistent metadata cache: one JSON file (in the extension's global
 * storage, or `~/.cache/surveyor` for the CLI), written atomically. Records
 * are kept apart by the endpoint that gave them, so that what another
 * endpoint answered is never shown once the setting is back to arXiv. A file
 * that cannot be read as a cache is set aside (renamed) with a log line and a
 * new one is started; the cache is never a reason to fail. Every record read
 * is checked as a network answer is: the file is not trusted.
 */
export class MetadataCache {
  /** Endpoint → id → record. */
  private readonly endpoints = new Map<string, Map<string, CachedRecord>>();

  constructor(
    readonly file: string,
    private readonly log: (message: string) => void,
  ) {
    this.load();
  }

  get(endpoint: string, id: string): CachedRecord | undefined {
    return this.endpoints.get(endpoint)?.get(id);
  }

  put(endpoint: string, record: ArxivRecord, fetchedAt: number): void {
    let records = this.endpoints.get(endpoint);
    if (!records) this.endpoints.set(endpoint, (records = new Map()));
    records.set(record.id, { record, fetchedAt });
  }

  /** Writes the file; false (with a log line) when it cannot be written. */
  save(): boolean {
    const endpoints = Object.fromEntries([...this.endpoints].map(([endpoint, records]) => [endpoint, Object.fromEntries([...records].sort(([a], [b]) => a.localeCompare(b)))]));
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      writeFileAtomic(this.file, JSON.stringify({ format: FORMAT, endpoints }));
      return true;
    } catch (error) {
      this.log(`Cannot write the arXiv cache ${this.file}: ${(error as Error).message}; metadata is kept in memory only.`);
      return false;
    }
  }

  private load(): void {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.log(`Cannot read the arXiv cache ${this.file}: ${(error as Error).message}; starting without it.`);
      return;
    }
    try {
      const parsed = JSON.parse(text) as { format?: unknown; endpoints?: unknown };
      if (parsed.format === 1) {
        // Which endpoint gave those records is not known: they are not trusted to be arXiv's.
        this.log(`The arXiv cache ${this.file} is of an older format that does not say which endpoint answered; starting a new one.`);
        return;
      }
      if (parsed.format !== FORMAT || !isPlainObject(parsed.endpoints)) throw new Error('not a Surveyor cache of this format');
      for (const [endpoint, records] of Object.entries(parsed.endpoints)) {
        if (!isPlainObject(records)) continue;
        for (const [id, value] of Object.entries(records)) {
          const cached = checkedCachedRecord(value, id);
          if (cached) this.put(endpoint, cached.record, cached.fetchedAt);
        }
      }
    } catch (error) {
      const aside = `${this.file}.corrupt-${Date.now()}`;
      try {
        fs.renameSync(this.file, aside);
        this.log(`The arXiv cache ${this.file} was unreadable (${(error as Error).message}); it was set aside as ${aside} and a new one started.`);
      } catch {
        this.log(`The arXiv cache ${this.file} was unreadable (${(error as Error).message}); a new one will replace it.`);
      }
    }
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
