import { FoldingRangeKind, type FoldingRange, type Position, type Range, type SelectionRange } from 'vscode-languageserver-types';
import { rangeContains } from './model/positions';
import type { Entry, SurveyDocument } from './model/types';

/** A fold for each section (heading to the end of its body) and each list of more than one line. */
export function foldingRanges(doc: SurveyDocument): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const starts = new Map(doc.sections.map((s) => [`${s.range.start.line}:${s.range.start.character}`, s.range.start.line]));
  for (const section of doc.sections) {
    // A body ends where the next section of its level starts: fold up to the line before that heading.
    const next = starts.get(`${section.bodyRange.end.line}:${section.bodyRange.end.character}`);
    const bodyEnd = section.bodyRange.end;
    const end = next !== undefined ? next - 1 : Math.min(bodyEnd.character === 0 ? bodyEnd.line - 1 : bodyEnd.line, doc.lineCount - 1);
    if (end > section.range.start.line) ranges.push({ startLine: section.range.start.line, endLine: end, kind: FoldingRangeKind.Region });
  }
  for (const list of doc.lists) {
    if (list.range.end.line > list.range.start.line) ranges.push({ startLine: list.range.start.line, endLine: list.range.end.line, kind: FoldingRangeKind.Region });
  }
  return ranges;
}

/** For each position: the field under it, then its entry, its list, and the sections around it, innermost first. */
export function selectionRanges(doc: SurveyDocument, positions: Position[]): SelectionRange[] {
  return positions.map((position) => {
    const chain: Range[] = [];
    const entry = doc.entries.find((e) => rangeContains(e.range, position));
    if (entry) {
      const field = fieldsOf(entry).find((r) => rangeContains(r, position));
      if (field) chain.push(field);
      chain.push(entry.range);
    }
    const lists = doc.lists.filter((l) => rangeContains(l.range, position)).sort((a, b) => b.depth - a.depth);
    for (const list of lists) chain.push(list.range);
    const sections = doc.sections.filter((s) => rangeContains({ start: s.range.start, end: s.bodyRange.end }, position)).reverse();
    for (const section of sections) chain.push({ start: section.range.start, end: section.bodyRange.end });
    if (chain.length === 0) chain.push({ start: position, end: position });
    let selection: SelectionRange | undefined;
    for (const range of chain.reverse()) selection = selection ? { range, parent: selection } : { range };
    return selection!;
  });
}

function fieldsOf(entry: Entry): Range[] {
  const spans = [entry.title, entry.authors, entry.venue, entry.year].flatMap((s) => (s ? [s.range] : []));
  for (const link of entry.links) spans.push(link.url.range, link.label.range, link.range);
  return spans;
}
