import { arxivIdProblem } from '../service/model/arxivId';
import type { ArxivRecord } from '../service/metadata';
import { parseAtomFeed } from './atomFeed';
import type { Clock } from './clock';

export interface ArxivClientOptions {
  clock: Clock;
  log: (message: string) => void;
  /** arXiv asks for no more than one request every three seconds. */
  minIntervalMs?: number;
  timeoutMs?: number;
  maxBodyBytes?: number;
  /** Retries after 429 or 503. */
  maxRetries?: number;
  batchSize?: number;
}

export interface FetchOutcome {
  records: Map<string, ArxivRecord>;
  /** Valid ids arXiv does not have. */
  missing: string[];
  /** Ids not sent because they cannot exist, with the reason. */
  invalid: Map<string, string>;
  /** Ids whose batch failed (network, timeout, bad answer), with the reason; worth asking again later. */
  failed: Map<string, string>;
}

class RequestFailed extends Error {}

/**
 * A polite client of the arXiv API: batches of at most 100 ids with
 * `max_results` set, one request at a time for the whole process, at least
 * three seconds apart, a timeout, a capped body, and back-off on 429/503
 * honouring `Retry-After`. Ids are validated first, so one bad id never fails
 * a batch, and entries are matched by id, never by position.
 */
export class ArxivClient {
  private readonly minIntervalMs: number;
  private readonly timeoutMs: number;
  private readonly maxBodyBytes: number;
  private readonly maxRetries: number;
  private readonly batchSize: number;
  /** Requests run one after another: each waits for the previous one to settle. */
  private line: Promise<unknown> = Promise.resolve();
  private lastRequestAt = Number.NEGATIVE_INFINITY;

  /**
   * Where requests go; one client serves every endpoint so that the spacing
   * between requests holds for everything this process sends.
   */
  endpoint: string;

  constructor(endpoint: string, private readonly options: ArxivClientOptions) {
    this.endpoint = endpoint;
    this.minIntervalMs = options.minIntervalMs ?? 3000;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.maxBodyBytes = options.maxBodyBytes ?? 5_000_000;
    this.maxRetries = options.maxRetries ?? 3;
    this.batchSize = Math.min(options.batchSize ?? 100, 100);
  }

  async fetchRecords(ids: string[], onProgress?: (done: number, total: number) => void): Promise<FetchOutcome> {
    const outcome: FetchOutcome = { records: new Map(), missing: [], invalid: new Map(), failed: new Map() };
    const valid: string[] = [];
    for (const id of new Set(ids)) {
      const problem = arxivIdProblem(id);
      if (problem) outcome.invalid.set(id, problem);
      else valid.push(id);
    }
    let done = 0;
    for (let i = 0; i < valid.length; i += this.batchSize) {
      const batch = valid.slice(i, i + this.batchSize);
      try {
        const records = await this.enqueue(() => this.fetchBatch(batch));
        const byId = new Map(records.map((r) => [r.id, r]));
        for (const id of batch) {
          const record = byId.get(id);
          if (record) outcome.records.set(id, record);
          else outcome.missing.push(id);
        }
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        this.options.log(`arXiv: a batch of ${batch.length} ids failed: ${reason}`);
        for (const id of batch) outcome.failed.set(id, reason);
      }
      done += batch.length;
      onProgress?.(done, valid.length);
    }
    return outcome;
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.line.then(task, task);
    this.line = run.catch(() => undefined);
    return run;
  }

  private async fetchBatch(ids: string[]): Promise<ArxivRecord[]> {
    for (let attempt = 0; ; attempt++) {
      const wait = this.lastRequestAt + this.minIntervalMs - this.options.clock.now();
      if (wait > 0) await this.options.clock.sleep(wait);
      this.lastRequestAt = this.options.clock.now();
      const response = await this.request(ids);
      if ((response.status === 429 || response.status === 503) && attempt < this.maxRetries) {
        const backoff = retryAfterMs(response.retryAfter, this.options.clock.now()) ?? this.minIntervalMs * 2 ** (attempt + 1);
        this.options.log(`arXiv answered ${response.status}; trying again in ${Math.round(backoff / 1000)} s`);
        await this.options.clock.sleep(backoff);
        continue;
      }
      if (response.status === 400) {
        const feed = safeParse(response.body);
        throw new RequestFailed(`arXiv rejected the request (400): ${feed?.kind === 'error' ? feed.message : 'no explanation'}`);
      }
      if (response.status !== 200) throw new RequestFailed(`arXiv answered HTTP ${response.status}`);
      const feed = parseAtomFeed(response.body);
      if (feed.kind === 'error') throw new RequestFailed(`arXiv reported an error: ${feed.message}`);
      return feed.records;
    }
  }

  private async request(ids: string[]): Promise<{ status: number; body: string; retryAfter: string | null }> {
    const url = new URL(this.endpoint);
    url.searchParams.set('id_list', ids.join(','));
    url.searchParams.set('max_results', String(ids.length));
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    try {
      const response = await fetch(url, { signal: controller.signal, headers: { accept: 'application/atom+xml' }, redirect: 'follow' });
      const body = await readCapped(response, this.maxBodyBytes, controller);
      return { status: response.status, body, retryAfter: response.headers.get('retry-after') };
    } catch (error) {
      if (controller.signal.aborted && !(error instanceof RequestFailed)) throw new RequestFailed(`no answer within ${this.timeoutMs / 1000} s`);
      throw error instanceof RequestFailed ? error : new RequestFailed(`cannot reach arXiv (${(error as Error).message})`);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** The body as text, refusing to read past `limit` bytes (a feed of 100 papers is a few hundred KB). */
async function readCapped(response: Response, limit: number, controller: AbortController): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > limit) {
    controller.abort();
    throw new RequestFailed(`the answer is larger than ${limit} bytes`);
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      controller.abort();
      throw new RequestFailed(`the answer is larger than ${limit} bytes`);
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks));
}

/** `Retry-After` in seconds or as an HTTP date, capped at two minutes. */
function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - now;
  return Number.isFinite(ms) && ms >= 0 ? Math.min(ms, 120_000) : undefined;
}

function safeParse(body: string) {
  try {
    return parseAtomFeed(body);
  } catch {
    return undefined;
  }
}
