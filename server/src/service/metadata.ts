/**
 * What the language service knows of arXiv papers. The service reads
 * metadata through `MetadataSource` and never fetches: the IO lives in
 * `server/src/metadata/`, which implements this interface.
 */

/** One arXiv paper as the API describes it. Unknown fields are null, never guessed. */
export interface ArxivRecord {
  /** Canonical id without version: `2401.15422`, `hep-th/9901001`. */
  id: string;
  title: string;
  authors: string[];
  /** Date of v1, `YYYY-MM-DD`. */
  published: string | null;
  /** Date of the latest version, `YYYY-MM-DD`. */
  updated: string | null;
  /** The latest version number. */
  version: number | null;
  primaryCategory: string | null;
  journalRef: string | null;
  doi: string | null;
  comment: string | null;
  abstract: string | null;
}

/** Where a record came from, for the hover to say how fresh it is. */
export type RecordSource = 'snapshot' | 'cache' | 'arxiv';

export type MetadataState =
  | { kind: 'known'; record: ArxivRecord; source: RecordSource; fetching: boolean }
  | { kind: 'fetching' }
  | { kind: 'missing'; reason: string }
  /** Not known; `lastFailure` says why the last try to fetch it failed, if one did. */
  | { kind: 'unknown'; lastFailure?: string };

export interface MetadataSource {
  /** What is known of `id` now; never waits. */
  lookup(id: string): MetadataState;
  /** Whether unknown papers are fetched (false: `surveyor.arxiv.online` is off). */
  readonly online?: boolean;
}

/** A source that knows nothing (the CLI without `--online` uses the snapshot and cache only; tests use this). */
export const NO_METADATA: MetadataSource = { lookup: () => ({ kind: 'unknown' }) };
