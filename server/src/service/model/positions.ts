import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';

/**
 * Positions and ranges: where offsets become line/column positions (UTF-16,
 * as remark and LSP both count), and the few constructors the features use
 * for a place on one line. Moving what was made in a chunk's own lines to
 * the document's is `placement.ts`'s job alone.
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

/** The position at `character` on `line`. */
export function pointAt(line: number, character = 0): Position {
  return { line, character };
}

/** Columns `from` to `to` of one line. */
export function rangeOnLine(line: number, from: number, to: number): Range {
  return { start: { line, character: from }, end: { line, character: to } };
}
