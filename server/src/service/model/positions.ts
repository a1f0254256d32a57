import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';

/**
 * The one place where offsets become line/column positions (UTF-16, as remark
 * and LSP both count). Everything else works with the ranges made here.
 */
export class PositionMapper {
  private readonly doc: TextDocument;

  /** `firstLine` is the document line on which `text` starts (text is a chunk of a larger document). */
  constructor(text: string, private readonly firstLine = 0) {
    this.doc = TextDocument.create('chunk:', 'markdown', 0, text);
  }

  position(offset: number): Position {
    const p = this.doc.positionAt(offset);
    return { line: p.line + this.firstLine, character: p.character };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }
}

/**
 * A deep copy of plain model data with every position moved down by `delta`
 * lines, for reusing a parsed chunk after lines were inserted above it.
 * With `delta` 0 the value itself is returned, not a copy.
 */
export function shiftLines<T>(value: T, delta: number): T {
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

  constructor(readonly base: T) {}

  at(firstLine: number): T {
    let value = this.placed.get(firstLine);
    if (value === undefined) {
      value = shiftLines(this.base, firstLine);
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

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** True when the two ranges share at least one position (touching counts). */
export function rangesTouch(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0;
}

export function rangeContains(outer: Range, p: Position): boolean {
  return comparePositions(outer.start, p) <= 0 && comparePositions(p, outer.end) <= 0;
}

/** The lines a range touches, from the start of its first line to the start of the line after its last. */
export function wholeLines(range: Range): Range {
  return { start: { line: range.start.line, character: 0 }, end: { line: range.end.line + 1, character: 0 } };
}

/** The position of `offset` within a span's text, for pointing at part of a field. */
export function positionInSpan(span: { text: string; range: Range }, offset: number): Position {
  const before = span.text.slice(0, offset);
  const lastBreak = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  const breaks = before.match(/\r\n|\r|\n/g)?.length ?? 0;
  if (breaks === 0) return { line: span.range.start.line, character: span.range.start.character + offset };
  return { line: span.range.start.line + breaks, character: offset - lastBreak - 1 };
}
