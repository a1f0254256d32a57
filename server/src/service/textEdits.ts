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

/**
 * The edits of several fixes as one non-overlapping set, each fix whole or
 * not at all: half of a fix (one bracket of two) would leave the text worse.
 * A fix whose edits were all taken already (findings sharing one fix) adds nothing.
 */
export function mergeFixEdits(fixes: { edits: TextEdit[] }[]): TextEdit[] {
  const taken: TextEdit[] = [];
  for (const fix of fixes) {
    const fresh = fix.edits.filter((e) => !taken.some((t) => sameEdit(t, e)));
    if (fresh.length === 0) continue;
    if (fresh.some((e) => taken.some((t) => overlaps(t, e)))) continue;
    taken.push(...fresh);
  }
  return taken.sort((a, b) => comparePositions(a.range.start, b.range.start) || comparePositions(a.range.end, b.range.end));
}

/** Two edits collide when their ranges share more than a boundary, or both insert at one point. */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (comparePositions(a.range.start, b.range.start) === 0 && comparePositions(a.range.end, b.range.end) === 0) return true;
  return comparePositions(a.range.start, b.range.end) < 0 && comparePositions(b.range.start, a.range.end) < 0;
}
