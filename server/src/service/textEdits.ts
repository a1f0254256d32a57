import type { TextEdit } from 'vscode-languageserver-types';
import { comparePositions } from './model/positions';

/**
 * Edits from several fixes as one non-overlapping set: exact duplicates (two
 * findings sharing a "Renumber this list" fix) are kept once, and an edit that
 * overlaps one already taken is left for the next round.
 */
export function mergeEdits(edits: TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => comparePositions(a.range.start, b.range.start) || comparePositions(a.range.end, b.range.end));
  const merged: TextEdit[] = [];
  for (const edit of sorted) {
    const last = merged[merged.length - 1];
    if (last && sameEdit(last, edit)) continue;
    if (last && comparePositions(edit.range.start, last.range.end) < 0) continue;
    merged.push(edit);
  }
  return merged;
}

function sameEdit(a: TextEdit, b: TextEdit): boolean {
  return a.newText === b.newText && comparePositions(a.range.start, b.range.start) === 0 && comparePositions(a.range.end, b.range.end) === 0;
}
