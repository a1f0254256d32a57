import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { SurveyDocument } from '../model/types';

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
