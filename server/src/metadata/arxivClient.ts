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
  /** The default of `FetchOptions.maxBackoffMs`. */
  maxBackoffMs?: number;
  /**
   * Set in a browser, which blocks a request an API does not allow from web
   * pages (cross-origin rules; arXiv's does not): a request that gets no
   * answer at all fails with this note after "cannot reach arXiv (…)", and the
   * endpoint is not asked again for the rest of the session, rather than send
   * requests whose answers the browser will not hand over.
   */
  browser?: { unreachableNote: string };
}

export interface FetchOptions {
  /** Where to send the ids; by default the endpoint the client was made with. */
  endpoint?: string;
  onProgress?: (done: number, total: number) => void;
  /**
   * The longest this call waits, in all, because arXiv asked it to slow down
   * (429 or 503, with or without `Retry-After`). Past it the ids not fetched
   * yet fail at once, with the reason, instead of waiting.
   */
  maxBackoffMs?: number;
}

export interface FetchOutcome {
  records: Map<string, ArxivRecord>;
  /** Valid ids arXiv does not have. */
  missing: string[];
  /** Ids not sent because they cannot exist, with the reason. */
  invalid: Map<string, string>;
  /** Ids whose batch failed (network, timeout, bad answer, a wait too long), with the reason; worth asking again later. */
  failed: Map<string, string>;
}

class RequestFailed extends Error {}

/** A `Retry-After` longer than this is honoured only this long: a broken or hostile answer cannot stop fetching for the rest of the session. */
const LONGEST_HONOURED_PAUSE_MS = 10 * 60 * 1000;
const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** What is left of one call's allowance for back-off. */
interface Allowance {
  backoffMs: number;
}

/**
 * A polite client of the arXiv API: batches of at most 100 ids with
 * `max_results` set, one request at a time for the whole process, at least
 * three seconds apart, a timeout, a capped body, and back-off on 429/503
 * honouring `Retry-After` within each call's allowance. Ids are validated
 * first, so one bad id never fails a batch, and entries are matched by id,
 * never by position. Redirects are followed only within the endpoint's own
 * origin: the ids are never sent to another site.
 */
export class ArxivClient {
  private readonly minIntervalMs: number;
  private readonly timeoutMs: number;
  private readonly maxBodyBytes: number;
  private readonly maxRetries: number;
  private readonly batchSize: number;
  private readonly maxBackoffMs: number;
  /** Requests run one after another: each waits for the previous one to settle. */
  private line: Promise<unknown> = Promise.resolve();
  private lastRequestAt = Number.NEGATIVE_INFINITY;
  /** Per endpoint: no request before this time, as its last 429/503 asked, and why. */
  private readonly pauses = new Map<string, { until: number; why: string }>();
  /** In a browser, endpoints whose request got no answer, and why: not asked again this session. */
  private readonly unreachable = new Map<string, string>();

  /**
   * One client serves every endpoint so that the spacing between requests
   * holds for everything this process sends.
   */
  constructor(
    readonly endpoint: string,
    private readonly options: ArxivClientOptions,
  ) {
    this.minIntervalMs = options.minIntervalMs ?? 3000;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.maxBodyBytes = options.maxBodyBytes ?? 5_000_000;
    this.maxRetries = options.maxRetries ?? 3;
    this.batchSize = Math.min(options.batchSize ?? 100, 100);
    this.maxBackoffMs = options.maxBackoffMs ?? 60_000;
  }

  async fetchRecords(ids: string[], options: FetchOptions = {}): Promise<FetchOutcome> {
    const endpoint = options.endpoint ?? this.endpoint;
    const allowance: Allowance = { backoffMs: options.maxBackoffMs ?? this.maxBackoffMs };
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
        const unreachable = this.unreachable.get(endpoint);
        if (unreachable) throw new RequestFailed(unreachable);
        // A pause longer than the allowance fails the batch before it waits in line behind others.
        this.checkPause(endpoint, allowance);
        const records = await this.enqueue(() => this.fetchBatch(endpoint, batch, allowance));
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
      options.onProgress?.(done, valid.length);
    }
    return outcome;
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.line.then(task, task);
    this.line = run.catch(() => undefined);
    return run;
  }

  private async fetchBatch(endpoint: string, ids: string[], allowance: Allowance): Promise<ArxivRecord[]> {
    for (let attempt = 0; ; attempt++) {
      const pause = this.checkPause(endpoint, allowance);
      const wait = Math.max(this.lastRequestAt + this.minIntervalMs - this.options.clock.now(), pause);
      allowance.backoffMs -= pause;
      if (wait > 0) await this.options.clock.sleep(wait);
      this.lastRequestAt = this.options.clock.now();
      const response = await this.request(endpoint, ids);
      if ((response.status === 429 || response.status === 503) && attempt < this.maxRetries) {
        const now = this.options.clock.now();
        const asked = retryAfterMs(response.retryAfter, now);
        const backoff = asked ?? this.minIntervalMs * 2 ** (attempt + 1);
        const why = asked === undefined ? `arXiv answered ${response.status}; the next try would be in ${seconds(backoff)}` : `arXiv answered ${response.status} and asked to wait ${seconds(backoff)} (Retry-After)`;
        this.pauses.set(endpoint, { until: now + Math.min(backoff, LONGEST_HONOURED_PAUSE_MS), why });
        if (backoff > allowance.backoffMs) throw new RequestFailed(overAllowance(why, allowance));
        this.options.log(`arXiv answered ${response.status}; trying again in ${seconds(backoff)}`);
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

  /** How long the endpoint asked to be left alone from now; throws when that is more than the call may still wait. */
  private checkPause(endpoint: string, allowance: Allowance): number {
    const pause = this.pauses.get(endpoint);
    const left = pause ? pause.until - this.options.clock.now() : 0;
    if (left <= 0) return 0;
    if (left > allowance.backoffMs) throw new RequestFailed(overAllowance(pause!.why, allowance));
    return left;
  }

  private async request(endpoint: string, ids: string[]): Promise<{ status: number; body: string; retryAfter: string | null }> {
    const url = new URL(endpoint);
    url.searchParams.set('id_list', ids.join(','));
    url.searchParams.set('max_results', String(ids.length));
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    try {
      const response = await fetchWithinOrigin(url, controller.signal);
      const body = await readCapped(response, this.maxBodyBytes, controller);
      return { status: response.status, body, retryAfter: response.headers.get('retry-after') };
    } catch (error) {
      if (controller.signal.aborted && !(error instanceof RequestFailed)) throw new RequestFailed(`no answer within ${this.timeoutMs / 1000} s`);
      if (error instanceof RequestFailed) throw error;
      const browser = this.options.browser;
      if (!browser) throw new RequestFailed(`cannot reach arXiv (${(error as Error).message})`);
      const reason = `cannot reach arXiv (${(error as Error).message}); ${browser.unreachableNote}`;
      this.unreachable.set(endpoint, reason);
      throw new RequestFailed(reason);
    } finally {
      clearTimeout(timer);
    }
  }
}

/**
 * `fetch`, following redirects only to the same origin (or from http to https
 * on the same host): a redirect elsewhere would hand the ids to a site the
 * user never named.
 */
async function fetchWithinOrigin(url: URL, signal: AbortSignal): Promise<Response> {
  for (let redirects = 0; ; redirects++) {
    const response = await fetch(url, { signal, headers: { accept: 'application/atom+xml' }, redirect: 'manual' });
    // A browser hides a redirect's status and target from the page (an opaque answer): it cannot be checked, so it is not followed.
    if (response.type === 'opaqueredirect') throw new RequestFailed('the endpoint redirected, and the browser does not say where to; not followed');
    if (!REDIRECTS.has(response.status)) return response;
    await response.body?.cancel();
    const location = response.headers.get('location');
    if (location === null) throw new RequestFailed(`arXiv answered HTTP ${response.status} without saying where to`);
    let target: URL;
    try {
      target = new URL(location, url);
    } catch {
      throw new RequestFailed(`arXiv answered HTTP ${response.status} with a redirect that is not a URL`);
    }
    if (!sameSite(url, target)) throw new RequestFailed(`the endpoint redirected to another site (${target.origin}); not followed, so the ids were not sent there`);
    if (redirects >= MAX_REDIRECTS) throw new RequestFailed(`more than ${MAX_REDIRECTS} redirects`);
    url = target;
  }
}

function sameSite(from: URL, to: URL): boolean {
  if (to.origin === from.origin) return true;
  const upgrade = from.protocol === 'http:' && to.protocol === 'https:' && to.hostname === from.hostname;
  return upgrade && (to.port === '' || to.port === '443') && (from.port === '' || from.port === '80');
}

function overAllowance(why: string, allowance: Allowance): string {
  const left = Math.max(0, allowance.backoffMs);
  return `${why}, longer than Surveyor waits (${left === 0 ? 'no more waiting left' : `${seconds(left)} left`} for this fetch); not fetched`;
}

/** `7 s`, `20 min`, `11574 days`: how long, in words a person reads at a glance. */
function seconds(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 120) return `${s} s`;
  if (s < 2 * 3600) return `${Math.round(s / 60)} min`;
  if (s < 2 * 86400) return `${Math.round(s / 3600)} h`;
  return `${Math.round(s / 86400)} days`;
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
  const body = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder('utf-8').decode(body);
}

/** `Retry-After` in seconds or as an HTTP date (how long to wait is each call's to decide). */
function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - now;
  return Number.isFinite(ms) && ms >= 0 ? ms : undefined;
}

function safeParse(body: string) {
  try {
    return parseAtomFeed(body);
  } catch {
    return undefined;
  }
}
