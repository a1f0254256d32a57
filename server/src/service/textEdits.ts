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
 * A fix whose edits were all taken already (findings sharing one fix) adds
 * nothing. Each edit is compared with those taken by a binary search and a
 * short list of the latest: thousands of fixes (the same entry pasted
 * thousands of times) cost about thousands of look-ups, not their square.
 */
export function mergeFixEdits(fixes: { edits: TextEdit[] }[]): TextEdit[] {
  const taken = new TakenEdits();
  const takenKeys = new Set<string>();
  // Findings sharing one fix (the problems of a list, and the fix that renumbers it) share the object.
  const seen = new Set<{ edits: TextEdit[] }>();
  for (const fix of fixes) {
    if (seen.has(fix)) continue;
    seen.add(fix);
    const fresh = fix.edits.filter((e) => !takenKeys.has(editKey(e))).sort(compareEdits);
    if (fresh.length === 0) continue;
    if (fresh.some((e, i) => (i > 0 && overlaps(fresh[i - 1]!, e)) || taken.collides(e))) continue;
    for (const edit of fresh) {
      takenKeys.add(editKey(edit));
      taken.add(edit);
    }
  }
  return taken.all();
}

/**
 * Edits that do not collide with one another: most in order (`sorted`), the
 * latest in a short list (`recent`) merged into them when it grows past the
 * square root of their number, so that adding costs little wherever an edit
 * falls and a look for a collision is a binary search and a short scan.
 */
class TakenEdits {
  private sorted: TextEdit[] = [];
  private recent: TextEdit[] = [];
  private readonly ranges = new Set<string>();

  collides(edit: TextEdit): boolean {
    if (this.ranges.has(rangeKey(edit))) return true;
    if (this.recent.some((t) => overlaps(t, edit))) return true;
    // The last edit starting before this one ends is the only one of `sorted` that may reach into it.
    const { sorted } = this;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (comparePositions(sorted[mid]!.range.start, edit.range.end) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && overlaps(sorted[lo - 1]!, edit);
  }

  add(edit: TextEdit): void {
    this.ranges.add(rangeKey(edit));
    const last = this.sorted[this.sorted.length - 1];
    if (this.recent.length === 0 && (!last || compareEdits(last, edit) <= 0)) this.sorted.push(edit);
    else this.recent.push(edit);
    if (this.recent.length > Math.max(16, Math.sqrt(this.sorted.length))) this.settle();
  }

  all(): TextEdit[] {
    this.settle();
    return this.sorted;
  }

  private settle(): void {
    if (this.recent.length === 0) return;
    const more = this.recent.sort(compareEdits);
    const old = this.sorted;
    const merged: TextEdit[] = [];
    let i = 0;
    let j = 0;
    while (i < old.length && j < more.length) merged.push(compareEdits(more[j]!, old[i]!) < 0 ? more[j++]! : old[i++]!);
    while (i < old.length) merged.push(old[i++]!);
    while (j < more.length) merged.push(more[j++]!);
    this.sorted = merged;
    this.recent = [];
  }
}

function compareEdits(a: TextEdit, b: TextEdit): number {
  return comparePositions(a.range.start, b.range.start) || comparePositions(a.range.end, b.range.end);
}

function rangeKey(e: TextEdit): string {
  return `${e.range.start.line}:${e.range.start.character}-${e.range.end.line}:${e.range.end.character}`;
}

function editKey(e: TextEdit): string {
  return `${rangeKey(e)} ${e.newText}`;
}

/** Two edits collide when their ranges share more than a boundary, or both insert at one point. */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (comparePositions(a.range.start, b.range.start) === 0 && comparePositions(a.range.end, b.range.end) === 0) return true;
  return comparePositions(a.range.start, b.range.end) < 0 && comparePositions(b.range.start, a.range.end) < 0;
}
