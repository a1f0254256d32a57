import type { Position, Range, SelectionRange } from 'vscode-languageserver-types';
import { comparePositions, rangeContains } from '../model/positions';
import type { Entry, ListBlock, Section, SurveyDocument } from '../model/types';

/**
 * How many positions one request is answered for. An editor asks for one per
 * cursor; a request with hundreds of thousands would block the server for
 * as long as it takes. The positions past this get their own place alone.
 */
export const MAX_SELECTION_POSITIONS = 1_000;

/**
 * For each position: the field under it, then its entry, its list, and the
 * sections around it, innermost first. Each position costs a few binary
 * searches, not a pass over the document.
 */
export function selectionRanges(doc: SurveyDocument, positions: Position[], log: (message: string) => void): SelectionRange[] {
  if (positions.length > MAX_SELECTION_POSITIONS) {
    log(`Selection ranges: ${positions.length} positions asked for in one request; answered for the first ${MAX_SELECTION_POSITIONS}, the others get their position alone.`);
  }
  const lists = listsByDepth(doc.lists);
  return positions.map((position, i) => {
    if (i >= MAX_SELECTION_POSITIONS) return { range: { start: position, end: position } };
    const chain: Range[] = [];
    const entry = entryAt(doc.entries, position);
    if (entry) {
      const field = fieldsOf(entry).find((r) => rangeContains(r, position));
      if (field) chain.push(field);
      chain.push(entry.range);
    }
    for (const list of listsAt(lists, position)) chain.push(list.range);
    for (const section of sectionsAt(doc.sections, position)) chain.push({ start: section.range.start, end: section.bodyRange.end });
    if (chain.length === 0) chain.push({ start: position, end: position });
    let selection: SelectionRange | undefined;
    for (const range of chain.reverse()) selection = selection ? { range, parent: selection } : { range };
    return selection!;
  });
}

/** The first of `items` (in document order, apart from one another) whose range ends at or after `position`. */
function firstEndingFrom<T>(items: readonly T[], position: Position, rangeOf: (item: T) => Range): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (comparePositions(rangeOf(items[mid]!).end, position) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function entryAt(entries: readonly Entry[], position: Position): Entry | undefined {
  const candidate = entries[firstEndingFrom(entries, position, (e) => e.range)];
  return candidate && rangeContains(candidate.range, position) ? candidate : undefined;
}

/** Lists of one depth do not overlap: each depth is searched on its own. */
function listsByDepth(lists: readonly ListBlock[]): ListBlock[][] {
  const byDepth: ListBlock[][] = [];
  for (const list of lists) (byDepth[list.depth] ??= []).push(list);
  for (const level of byDepth) level?.sort((a, b) => comparePositions(a.range.start, b.range.start));
  return byDepth;
}

/** The lists holding `position`, deepest first. */
function listsAt(byDepth: readonly ListBlock[][], position: Position): ListBlock[] {
  const found: ListBlock[] = [];
  for (let depth = byDepth.length - 1; depth >= 0; depth--) {
    const level = byDepth[depth];
    if (!level) continue;
    // Two lists of a depth may touch at the position: both hold it.
    for (let i = firstEndingFrom(level, position, (l) => l.range); i < level.length && comparePositions(level[i]!.range.start, position) <= 0; i++) found.push(level[i]!);
  }
  return found;
}

/**
 * The sections whose heading and body hold `position`, innermost first: the
 * last section starting at or before it and those around that one, and,
 * where the position is the start of a heading, the sections that heading
 * closes (their bodies end there).
 */
function sectionsAt(sections: readonly Section[], position: Position): Section[] {
  let lo = 0;
  let hi = sections.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (comparePositions(sections[mid]!.range.start, position) <= 0) lo = mid + 1;
    else hi = mid;
  }
  const last = lo - 1;
  const holding = new Set<number>();
  for (const from of [last, last - 1]) {
    for (let i = from; i >= 0; i = sections[i]!.parent) {
      if (rangeContains({ start: sections[i]!.range.start, end: sections[i]!.bodyRange.end }, position)) holding.add(i);
    }
  }
  return [...holding].sort((a, b) => b - a).map((i) => sections[i]!);
}

function fieldsOf(entry: Entry): Range[] {
  const spans = [entry.title, entry.authors, entry.venue, entry.year].flatMap((s) => (s ? [s.range] : []));
  for (const link of entry.links) spans.push(link.url.range, link.label.range, link.range);
  return spans;
}
