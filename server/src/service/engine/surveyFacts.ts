import type { CachedChunk } from '../model/chunkCache';
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
  tally = { entries: entries.length, following: { authors: 0, year: 0, italicAuthors: 0, paperLink: 0 }, labels: new Map(), arxiv: { abs: 0, pdf: 0, pdfSuffix: 0 } };
  for (const entry of entries) {
    for (const name of CONVENTION_NAMES) if (CONVENTIONS[name](entry)) tally.following[name]++;
    for (const link of entry.links) {
      const label = link.label.text.trim().toLowerCase();
      tally.labels.set(label, (tally.labels.get(label) ?? 0) + 1);
      const form = arxivForm(link.url.text);
      if (form === 'abs') tally.arxiv.abs++;
      else if (form) {
        tally.arxiv.pdf++;
        if (form === 'pdf.pdf') tally.arxiv.pdfSuffix++;
      }
    }
  }
  tallies.set(chunk, tally);
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
 * changes: a keystroke takes out the chunk it replaced and adds the new one.
 */
export class SurveyTally {
  private entries = 0;
  private readonly following: Record<Convention, number> = { authors: 0, year: 0, italicAuthors: 0, paperLink: 0 };
  private readonly labels = new Map<string, number>();
  private readonly arxiv = { abs: 0, pdf: 0, pdfSuffix: 0 };
  private memo: SurveyFacts | undefined;

  add(chunk: CachedChunk): void {
    this.count(tallyOf(chunk), 1);
  }

  remove(chunk: CachedChunk): void {
    this.count(tallyOf(chunk), -1);
  }

  facts(): SurveyFacts {
    if (this.memo) return this.memo;
    const usually = Object.fromEntries(CONVENTION_NAMES.map((name) => [name, this.following[name] * 2 >= this.entries])) as Record<Convention, boolean>;
    const vocabulary = [...this.labels].filter(([, n]) => n >= VOCABULARY_USES).map(([label]) => label).sort();
    const arxivLinks: ArxivLinkHabit = { kind: this.arxiv.pdf > this.arxiv.abs ? 'pdf' : 'abs', pdfSuffix: this.arxiv.pdfSuffix * 2 > this.arxiv.pdf };
    const key = `${CONVENTION_NAMES.map((n) => (usually[n] ? 1 : 0)).join('')}|${arxivLinks.kind}${arxivLinks.pdfSuffix ? '.pdf' : ''}|${vocabulary.join('\u0000')}`;
    return (this.memo = { usually, vocabulary: new Set(vocabulary), arxivLinks, key });
  }

  private count(tally: Tally, sign: 1 | -1): void {
    if (tally.entries === 0) return;
    this.entries += sign * tally.entries;
    for (const name of CONVENTION_NAMES) this.following[name] += sign * tally.following[name];
    this.arxiv.abs += sign * tally.arxiv.abs;
    this.arxiv.pdf += sign * tally.arxiv.pdf;
    this.arxiv.pdfSuffix += sign * tally.arxiv.pdfSuffix;
    for (const [label, n] of tally.labels) {
      const total = (this.labels.get(label) ?? 0) + sign * n;
      if (total === 0) this.labels.delete(label);
      else this.labels.set(label, total);
    }
    this.memo = undefined;
  }
}
