import type { Range } from 'vscode-languageserver-types';
import type { Entry, LinkSyntaxIssue, ListBlock, ListItem, Span } from './types';

/**
 * The one placement step. A chunk is parsed, and its rules run, in the
 * chunk's own lines (its first line is line 0), so that what is derived from
 * it stays valid wherever the chunk moves; here, and nowhere else, those
 * ranges are moved to the line where the chunk stands in a version of the
 * document. A placed value is a copy: what was handed out for one version is
 * never changed by the next (Invariant: a model is immutable once handed out).
 */

/**
 * A deep copy of plain model data with every position moved down by `delta`
 * lines, for reusing a parsed chunk after lines were inserted above it.
 * With `delta` 0 the value itself is returned, not a copy.
 */
function shiftLines<T>(value: T, delta: number): T {
  if (delta === 0) return value;
  return shift(value, delta) as T;
}

/** A deep copy of plain model data, every position moved down by `delta` lines (0 too). */
export function shiftedCopy<T>(value: T, delta: number): T {
  return shift(value, delta) as T;
}

/**
 * A value with ranges (a chunk's headings, its lists, the findings of a rule
 * on it) made in its own lines, placed at the line where its chunk stands.
 * Typing keeps a chunk at one or two lines (before and after an Enter above
 * it), so the last two placements are kept and more would be garbage.
 */
export class Placements<T> {
  private readonly placed = new Map<number, T>();

  constructor(
    readonly base: T,
    /** How a value is moved down: a deep copy of any plain data by default. */
    private readonly move: (value: T, delta: number) => T = shiftLines,
  ) {}

  at(firstLine: number): T {
    let value = this.placed.get(firstLine);
    if (value === undefined) {
      value = firstLine === 0 ? this.base : this.move(this.base, firstLine);
      if (this.placed.size > 1) this.placed.clear();
      this.placed.set(firstLine, value);
    }
    return value;
  }
}

function shift(value: unknown, delta: number): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const copy = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) copy[i] = shift(value[i], delta);
    return copy;
  }
  const source = value as Record<string, unknown>;
  // Only positions have a numeric line and character (this walk runs on thousands of entries after an Enter).
  if (typeof source.line === 'number' && typeof source.character === 'number') return { line: source.line + delta, character: source.character };
  const copy: Record<string, unknown> = {};
  for (const key in source) copy[key] = shift(source[key], delta);
  return copy;
}

/** A range moved down by `lines` lines. */
export function shiftRange(range: Range, lines: number): Range {
  if (lines === 0) return range;
  return { start: { line: range.start.line + lines, character: range.start.character }, end: { line: range.end.line + lines, character: range.end.character } };
}


/**
 * Lists (their items, markers and entries) copied `delta` lines down. The
 * lists are the model's bulk, and after an Enter near the top of a long
 * survey most of them move: a copy that knows their shape is many times
 * faster than the generic walk. Fields not named here are shared with the
 * original, which is safe only for values without positions; the parser's
 * property tests compare placed models with a whole parse, so a positioned
 * field added to the model and forgotten here does not go unnoticed.
 */
export function listsMovedDown(lists: readonly ListBlock[], delta: number): ListBlock[] {
  return lists.map((list) => ({
    ...list,
    range: moved(list.range, delta),
    items: list.items.map((item) => {
      const copy: ListItem = { ...item, range: moved(item.range, delta), marker: item.marker.numberRange ? { ...item.marker, numberRange: moved(item.marker.numberRange, delta) } : item.marker };
      if (item.entry) copy.entry = entryMovedDown(item.entry, delta);
      return copy;
    }),
  }));
}

function entryMovedDown(entry: Entry, delta: number): Entry {
  const copy: Entry = {
    ...entry,
    range: moved(entry.range, delta),
    links: entry.links.map((l) => ({ ...l, label: spanMoved(l.label, delta), url: spanMoved(l.url, delta), range: moved(l.range, delta) })),
    linkIssues: entry.linkIssues.map((i) => {
      const issue: LinkSyntaxIssue = { ...i, range: moved(i.range, delta) };
      if (i.repair) issue.repair = { ...i.repair, range: moved(i.repair.range, delta) };
      return issue;
    }),
  };
  if (entry.title) copy.title = spanMoved(entry.title, delta);
  if (entry.authors) copy.authors = spanMoved(entry.authors, delta);
  if (entry.venue) copy.venue = spanMoved(entry.venue, delta);
  if (entry.year) copy.year = { ...entry.year, range: moved(entry.year.range, delta) };
  if (entry.date) copy.date = { ...entry.date, range: moved(entry.date.range, delta) };
  if (entry.arxiv) copy.arxiv = { ...entry.arxiv, range: moved(entry.arxiv.range, delta) };
  return copy;
}

function spanMoved(span: Span, delta: number): Span {
  return { text: span.text, range: moved(span.range, delta) };
}

function moved(range: Range, delta: number): Range {
  return { start: { line: range.start.line + delta, character: range.start.character }, end: { line: range.end.line + delta, character: range.end.character } };
}
