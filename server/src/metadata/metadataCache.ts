import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ArxivRecord } from '../service/metadata';
import { writeFileAtomic } from '../writeFileAtomic';

export interface CachedRecord {
  record: ArxivRecord;
  /** When the record was fetched from arXiv, in ms since the epoch. */
  fetchedAt: number;
}

const FORMAT = 1;

/**
 * The persistent metadata cache: one JSON file (in the extension's global
 * storage, or `~/.cache/surveyor` for the CLI), written atomically. A file
 * that cannot be read as a cache is set aside (renamed) with a log line and a
 * new one is started; the cache is never a reason to fail.
 */
export class MetadataCache {
  private readonly records = new Map<string, CachedRecord>();

  constructor(
    readonly file: string,
    private readonly log: (message: string) => void,
  ) {
    this.load();
  }

  get(id: string): CachedRecord | undefined {
    return this.records.get(id);
  }

  get size(): number {
    return this.records.size;
  }

  put(record: ArxivRecord, fetchedAt: number): void {
    this.records.set(record.id, { record, fetchedAt });
  }

  save(): void {
    const body = { format: FORMAT, records: Object.fromEntries([...this.records].sort(([a], [b]) => a.localeCompare(b))) };
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      writeFileAtomic(this.file, JSON.stringify(body));
    } catch (error) {
      this.log(`Cannot write the arXiv cache ${this.file}: ${(error as Error).message}; metadata is kept in memory only.`);
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
      const parsed = JSON.parse(text) as { format?: unknown; records?: Record<string, unknown> };
      if (parsed.format !== FORMAT || typeof parsed.records !== 'object' || parsed.records === null) throw new Error('not a Surveyor cache of this format');
      for (const [id, value] of Object.entries(parsed.records)) if (isCachedRecord(value, id)) this.records.set(id, value);
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

function isCachedRecord(value: unknown, id: string): value is CachedRecord {
  if (!value || typeof value !== 'object') return false;
  const v = value as Partial<CachedRecord>;
  const r = v.record as Partial<ArxivRecord> | undefined;
  return typeof v.fetchedAt === 'number' && !!r && r.id === id && typeof r.title === 'string' && Array.isArray(r.authors) && r.authors.every((a) => typeof a === 'string');
}
