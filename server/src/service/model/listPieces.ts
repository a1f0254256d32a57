import type { ChunkModel } from './parseChunk';
import { shiftedCopy } from './placement';
import type { ListBlock } from './types';

/** On average one cut every this many item lines: pieces of a few kilobytes. */
const CUT_EVERY = 8;

const ITEM_LINE = /^(?:(\d{1,9})([.)])|([-*+]))[ \t]/;

/**
 * Offsets where a long list may be cut so that its parts are parsed apart:
 * the start of an item line at column 0 after an item of the same kind (its
 * own lines, indented lines and blank lines may come between). Which of
 * those lines cut is decided by each line's own text (a hash), so the cuts
 * stay where they are while text elsewhere changes, and typing in an entry
 * re-parses the few entries around it, not its whole section.
 */
export function listCuts(text: string): number[] {
  const cuts: number[] = [];
  let listKind: string | undefined; // the marker of the item lines seen since the last line at column 0 that was not one
  let plain = true; // the item before has no fence or HTML in it (left open, they make remark end the item inside the next line)
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end);
    const m = ITEM_LINE.exec(line);
    if (m) {
      const kind = m[2] ?? m[3];
      if (kind === listKind && plain && hash(line) % CUT_EVERY === 0) cuts.push(start);
      listKind = kind;
      plain = !BLOCK_OPENER.test(line.slice(m[0].length));
    } else if (/^[ \t]/.test(line) || line.trim() === '') {
      if (BLOCK_OPENER.test(line)) plain = false;
    } else {
      listKind = undefined;
    }
    start = end + 1;
  }
  return cuts;
}

/** Text that may open a fenced code or HTML block. */
const BLOCK_OPENER = /^\s*(?:```|~~~|<)/;

function hash(line: string): number {
  let h = 2166136261;
  for (let i = 0; i < line.length; i++) h = Math.imul(h ^ line.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * Reads Markdown in pieces cut inside long lists (`listCuts`), each parsed by
 * `parse` (which keeps pieces by their text), and joins them: the list a
 * piece ends with goes on with the list the next one starts with. A cut is
 * used only where both sides show it is between two items of one list; where
 * one does not (the "items" were a paragraph's lines, say), the text is
 * parsed whole.
 */
export function readInPieces(text: string, parse: (piece: string) => ChunkModel): ChunkModel {
  const cuts = listCuts(text);
  if (cuts.length === 0) return parse(text);
  const bounds = [0, ...cuts, text.length];
  const pieces = bounds.slice(0, -1).map((from, i) => {
    const piece = text.slice(from, bounds[i + 1]);
    return { from, piece, model: parse(piece) };
  });
  for (let i = 0; i + 1 < pieces.length; i++) if (!listGoesOn(pieces[i]!.piece, pieces[i]!.model, pieces[i + 1]!.model)) return parse(text);
  return joinPieces(pieces, true);
}

/**
 * Whether a cut is between two items of one list: the text before ends with
 * a top-level list whose last item runs to its last non-blank line, and the
 * text after starts with an item of the same kind on its first line.
 */
function listGoesOn(beforeText: string, before: ChunkModel, after: ChunkModel): boolean {
  if (before.openAtEnd || before.end.character !== 0) return false;
  const last = lastTopLevelList(before);
  const lastItem = last?.items[last.items.length - 1];
  const first = after.lists[0];
  const firstItem = first?.items[0];
  if (!lastItem || !firstItem || first!.depth !== 0) return false;
  const lastContent = beforeText.trimEnd().split('\n').length - 1;
  return (
    lastItem.range.end.line === lastContent &&
    last!.range.end.line === lastContent &&
    firstItem.range.start.line === 0 &&
    firstItem.range.start.character === 0 &&
    firstItem.marker.delimiter === lastItem.marker.delimiter
  );
}

function lastTopLevelList(model: ChunkModel): ListBlock | undefined {
  for (let i = model.lists.length - 1; i >= 0; i--) if (model.lists[i]!.depth === 0) return model.lists[i];
  return undefined;
}

/**
 * Pieces of one text read as one model: each piece's lines follow the one
 * before's. With `listsGoOn`, the list each piece starts with continues the
 * last top-level list of the piece before (its items join that list).
 */
export function joinPieces(pieces: { from: number; model: ChunkModel }[], listsGoOn: boolean): ChunkModel {
  const joined: ChunkModel = { headings: [], lists: [], anchors: [], explicitAnchors: [], suppressions: [], fileLinks: [], problems: [], end: { line: 0, character: 0 } };
  let line = 0;
  pieces.forEach(({ from, model }, i) => {
    const { openAtEnd, ...content } = model;
    // A copy: pieces are kept as parsed, and the join changes lists.
    const placed = shiftedCopy(content, line);
    let lists = placed.lists;
    if (listsGoOn && i > 0) {
      const previous = lastTopLevelList(joined)!;
      const [continued, ...rest] = lists;
      previous.items.push(...continued!.items);
      previous.range = { start: previous.range.start, end: continued!.range.end };
      lists = rest;
    }
    for (const list of lists) joined.lists.push(list);
    for (const heading of placed.headings) joined.headings.push(heading);
    for (const anchor of placed.anchors) joined.anchors.push(anchor);
    for (const anchor of placed.explicitAnchors) joined.explicitAnchors.push(anchor);
    for (const comment of placed.suppressions) joined.suppressions.push(comment);
    for (const link of placed.fileLinks) joined.fileLinks.push(link);
    for (const problem of placed.problems) joined.problems.push(problem);
    joined.end = placed.end;
    if (placed.omitsNextHeading) joined.omitsNextHeading = true;
    else delete joined.omitsNextHeading;
    if (openAtEnd) joined.openAtEnd = { ...openAtEnd, from: from + openAtEnd.from };
    else delete joined.openAtEnd;
    line = placed.end.line;
  });
  return joined;
}
