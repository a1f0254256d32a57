import type { Position, Range, SelectionRange } from 'vscode-languageserver-types';
import { rangeContains } from '../model/positions';
import type { Entry, SurveyDocument } from '../model/types';

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
