import type { CachedChunk } from '../model/chunkCache';
import { keptEntries } from '../model/keptEntries';
import type { Entry } from '../model/types';
import { CONVENTIONS, type Convention } from './conventions';

/**
 * The few things about the whole survey that a check of one entry depends
 * on: the style an entry of a very short list is held to, and the link
 * labels the survey has made its own.
 */
export interface SurveyFacts {
  /** Whether at least half of the survey's entries follow each convention. */
  usually: Record<Convention, boolean>;
  /** Link labels (lower-cased) the survey uses at least `VOCABULARY_USES` times. */
  vocabulary: ReadonlySet<string>;
  /** How most of the survey's arXiv links are written (`arxiv.urlStyle: auto`). */
  arxivLinks: ArxivLinkHabit;
  /** The same for the same facts: cached findings of chunk rules that read the facts are kept while it is. */
  key: string;
}

export interface ArxivLinkHabit {
  kind: 'abs' | 'pdf';
  /** `…/pdf/ID.pdf` rather than `…/pdf/ID` (pdf links only). */
  pdfSuffix: boolean;
}

/** A label used this often is the survey's own vocabulary (`Checkpoint`, `Homepage`), not a slip. */
export const VOCABULARY_USES = 2;

const CONVENTION_NAMES = Object.keys(CONVENTIONS) as Convention[];

/** What one chunk adds to the survey's counts. */
interface Tally {
  entries: number;
  following: Record<Convention, number>;
  labels: Map<string, number>;
  /** arXiv links by form: abs, pdf, and pdf with a `.pdf` suffix. */
  arxiv: { abs: number; pdf: number; pdfSuffix: number };
}

const tallies = new WeakMap<CachedChunk, Tally>();

function tallyOf(chunk: CachedChunk): Tally {
  let tally = tallies.get(chunk);
  if (tally) return tally;
  const entries = chunk.alone.entries;
  tally = { entries: 0, following: { authors: 0, year: 0, italicAuthors: 0, paperLink: 0 }, labels: new Map(), arxiv: { abs: 0, pdf: 0, pdfSuffix: 0 } };
  for (const entry of entries) countEntry(tally, entry, 1);
  tallies.set(chunk, tally);
  return tally;
}

function countEntry(tally: Tally, entry: Entry, sign: 1 | -1): void {
  const { following, labels, arxiv } = entryTallyOf(entry);
  tally.entries += sign;
  for (const name of following) tally.following[name] += sign;
  for (const label of labels) {
    const n = (tally.labels.get(label) ?? 0) + sign;
    if (n === 0) tally.labels.delete(label);
    else tally.labels.set(label, n);
  }
  tally.arxiv.abs += sign * arxiv.abs;
  tally.arxiv.pdf += sign * arxiv.pdf;
  tally.arxiv.pdfSuffix += sign * arxiv.pdfSuffix;
}

/** What one entry adds to the counts. */
interface EntryTally {
  following: Convention[];
  labels: string[];
  arxiv: Tally['arxiv'];
}

/** Kept per entry: a keystroke in a long list makes a new chunk whose other entries are the same objects (`listPieces.ts`). */
const entryTallies = new WeakMap<Entry, EntryTally>();

function entryTallyOf(entry: Entry): EntryTally {
  let tally = entryTallies.get(entry);
  if (tally) return tally;
  tally = { following: CONVENTION_NAMES.filter((name) => CONVENTIONS[name](entry)), labels: [], arxiv: { abs: 0, pdf: 0, pdfSuffix: 0 } };
  for (const link of entry.links) {
    tally.labels.push(link.label.text.trim().toLowerCase());
    const form = arxivForm(link.url.text);
    if (form === 'abs') tally.arxiv.abs++;
    else if (form) {
      tally.arxiv.pdf++;
      if (form === 'pdf.pdf') tally.arxiv.pdfSuffix++;
    }
  }
  entryTallies.set(entry, tally);
  return tally;
}

/** `arxiv.org/abs/…` or `arxiv.org/pdf/…`, the path up to the url's query, fragment or end, and what stopped it. */
const ARXIV_PATH = /arxiv\.org\/(abs|pdf)\/([^\s?#]*)(\s?)/gi;

/**
 * The form of a url's first arXiv path that runs to its query, fragment or
 * end: `abs`, `pdf`, or `pdf.pdf` when the path ends in `.pdf`. A path cut by
 * a space is passed over; the lazy `/arxiv\.org\/(abs|pdf)\/[^\s?#]*?(\.pdf)?(?:[?#]|$)/i`
 * would read to that space again from every `arxiv.org/abs/` before it.
 */
function arxivForm(url: string): 'abs' | 'pdf' | 'pdf.pdf' | undefined {
  for (const m of url.matchAll(ARXIV_PATH)) {
    if (m[3]) continue;
    if (m[1]!.toLowerCase() === 'abs') return 'abs';
    return /\.pdf$/i.test(m[2]!) ? 'pdf.pdf' : 'pdf';
  }
  return undefined;
}

/**
 * The survey's counts, kept up to date chunk by chunk as the document
 * changes: a keystroke takes out the chunk it replaced and adds the new one,
 * or, where the new one is the next version of the old, only the entries
 * around the edit (the others are the same objects: `model/keptEntries.ts`).
 * The facts are made again only when they change.
 */
export class SurveyTally {
  private readonly totals: Tally = { entries: 0, following: { authors: 0, year: 0, italicAuthors: 0, paperLink: 0 }, labels: new Map(), arxiv: { abs: 0, pdf: 0, pdfSuffix: 0 } };
  /** The labels used at least `VOCABULARY_USES` times. */
  private readonly vocabulary = new Set<string>();
  private vocabularyChanged = true;
  private memo: SurveyFacts | undefined;

  add(chunk: CachedChunk): void {
    this.count(tallyOf(chunk), 1);
  }

  remove(chunk: CachedChunk): void {
    this.count(tallyOf(chunk), -1);
  }

  /** `after` took the place of `before` (a keystroke in it): the entries around the edit are counted out and in. */
  replace(before: CachedChunk, after: CachedChunk): void {
    const was = before.alone.entries;
    const now = after.alone.entries;
    const { prefix, suffix } = keptEntries(was, now);
    const delta: Tally = { entries: 0, following: { authors: 0, year: 0, italicAuthors: 0, paperLink: 0 }, labels: new Map(), arxiv: { abs: 0, pdf: 0, pdfSuffix: 0 } };
    for (let i = prefix; i < was.length - suffix; i++) countEntry(delta, was[i]!, -1);
    for (let i = prefix; i < now.length - suffix; i++) countEntry(delta, now[i]!, 1);
    this.count(delta, 1);
  }

  facts(): SurveyFacts {
    const { totals } = this;
    const usually = Object.fromEntries(CONVENTION_NAMES.map((name) => [name, totals.following[name] * 2 >= totals.entries])) as Record<Convention, boolean>;
    const arxivLinks: ArxivLinkHabit = { kind: totals.arxiv.pdf > totals.arxiv.abs ? 'pdf' : 'abs', pdfSuffix: totals.arxiv.pdfSuffix * 2 > totals.arxiv.pdf };
    const memo = this.memo;
    if (memo && !this.vocabularyChanged && CONVENTION_NAMES.every((n) => memo.usually[n] === usually[n]) && memo.arxivLinks.kind === arxivLinks.kind && memo.arxivLinks.pdfSuffix === arxivLinks.pdfSuffix) return memo;
    const vocabulary = [...this.vocabulary].sort();
    const key = `${CONVENTION_NAMES.map((n) => (usually[n] ? 1 : 0)).join('')}|${arxivLinks.kind}${arxivLinks.pdfSuffix ? '.pdf' : ''}|${vocabulary.join('\u0000')}`;
    this.vocabularyChanged = false;
    return (this.memo = { usually, vocabulary: new Set(vocabulary), arxivLinks, key });
  }

  private count(tally: Tally, sign: 1 | -1): void {
    const { totals } = this;
    totals.entries += sign * tally.entries;
    for (const name of CONVENTION_NAMES) totals.following[name] += sign * tally.following[name];
    totals.arxiv.abs += sign * tally.arxiv.abs;
    totals.arxiv.pdf += sign * tally.arxiv.pdf;
    totals.arxiv.pdfSuffix += sign * tally.arxiv.pdfSuffix;
    for (const [label, n] of tally.labels) {
      const total = (totals.labels.get(label) ?? 0) + sign * n;
      if (total === 0) totals.labels.delete(label);
      else totals.labels.set(label, total);
      if (total >= VOCABULARY_USES !== this.vocabulary.has(label)) {
        if (total >= VOCABULARY_USES) this.vocabulary.add(label);
        else this.vocabulary.delete(label);
        this.vocabularyChanged = true;
      }
    }
  }
}
