import type { ChunkModel } from './parseChunk';
import { commonEnds } from './commonEnds';
import { shiftedCopy } from './placement';
import type { ListBlock } from './types';

/** On average one cut every this many item lines: pieces of a few kilobytes. */
const CUT_EVERY = 8;

/**
 * At most this many item lines go by without a cut. The hash alone never
 * cuts a run of identical lines (the same entry pasted a thousand times) or
 * lines chosen to miss it, and such a list would be parsed whole on every
 * keystroke. A cut made by the count moves when lines above it (back to the
 * last cut by hash) come or go; in a run of identical lines the pieces it
 * makes have the same text, and are parsed once.
 */
const MAX_UNCUT = 4 * CUT_EVERY;

/**
 * Offsets where a long list may be cut so that its parts are parsed apart:
 * the start of an item line at column 0 after an item of the same kind (its
 * own lines, indented lines and blank lines may come between). Which of
 * those lines cut is decided by each line's own text (a hash), so the cuts
 * stay where they are while text elsewhere changes, and typing in an entry
 * re-parses the few entries around it, not its whole section. (The text is
 * read in place, character by character: every keystroke in a long list
 * reads all of its lines.)
 */
export function listCuts(text: string): number[] {
  const cuts: number[] = [];
  scanCuts(text, 0, (at) => void cuts.push(at));
  return cuts;
}

/**
 * The cuts of `text` from `from` (the start of a line, read as if the text
 * began there), each told to `cut`, until it returns true. From a cut the
 * scan goes on exactly as a scan from the start would: at a cut, what was
 * read before no longer matters.
 */
function scanCuts(text: string, from: number, cut: (at: number) => boolean | void): void {
  let listKind: number | undefined; // the marker of the item lines seen since the last line at column 0 that was not one
  let plain = true; // the item before has no fence or HTML in it (left open, they make remark end the item inside the next line)
  let uncut = 0; // lines since the last cut where one could have been
  for (let start = from; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const marker = itemMarker(text, start, end);
    if (marker) {
      if (marker.kind === listKind && plain) {
        if (++uncut >= MAX_UNCUT || hash(text, start, end) % CUT_EVERY === 0) {
          if (cut(start)) return;
          uncut = 0;
        }
      }
      listKind = marker.kind;
      plain = !opensBlock(text, marker.end);
    } else if (isSpaceOrTab(text.charCodeAt(start)) || isBlank(text, start)) {
      if (opensBlock(text, start)) plain = false;
    } else {
      listKind = undefined;
    }
    start = end + 1;
  }
}

/**
 * The marker of an item line (`12.`, `3)`, `-`, `*`, `+` and a space or tab)
 * starting at `start`: its kind (the delimiter's code) and where the text after it starts.
 */
function itemMarker(text: string, start: number, end: number): { kind: number; end: number } | undefined {
  let at = start;
  while (at < end && isDigit(text.charCodeAt(at))) at++;
  const digits = at - start;
  const delimiter = text.charCodeAt(at);
  if (digits > 9 || !isSpaceOrTab(text.charCodeAt(at + 1))) return undefined;
  if (digits > 0 ? delimiter === DOT || delimiter === PAREN : delimiter === DASH || delimiter === STAR || delimiter === PLUS) return { kind: delimiter, end: at + 2 };
  return undefined;
}

const [DOT, PAREN, DASH, STAR, PLUS, SPACE, TAB, ZERO, NINE] = ['.', ')', '-', '*', '+', ' ', '\t', '0', '9'].map((c) => c.charCodeAt(0)) as [number, number, number, number, number, number, number, number, number];

function isDigit(code: number): boolean {
  return code >= ZERO && code <= NINE;
}

function isSpaceOrTab(code: number): boolean {
  return code === SPACE || code === TAB;
}

/** Text that may open a fenced code or HTML block, from `at` to the end of its line. */
function opensBlock(text: string, at: number): boolean {
  BLOCK_OPENER.lastIndex = at;
  return BLOCK_OPENER.test(text);
}

const BLOCK_OPENER = /[^\S\n]*(?:```|~~~|<)/y;

/** A line with nothing but white space from `at`. */
function isBlank(text: string, at: number): boolean {
  BLANK.lastIndex = at;
  return BLANK.test(text);
}

const BLANK = /[^\S\n]*(?:\n|$)/y;

/** The FNV-1a hash of `text` from `start` to `end`. */
function hash(text: string, start: number, end: number): number {
  let h = 2166136261;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** A piece of a text read in pieces: where it starts, its text as kept, and its model. */
export interface ReadPiece {
  from: number;
  text: string;
  model: ChunkModel;
}

/** Where pieces come from: each parsed once and kept by its text. */
export interface PieceParser {
  /** The model of a piece, and its text as kept (a copy that does not hold the document it was cut from). */
  parse(piece: string): { text: string; model: ChunkModel };
  /** A piece of the text read before is used again as it was. */
  reuse(piece: ReadPiece): void;
}

/**
 * Reads Markdown in pieces cut inside long lists (`listCuts`), each parsed by
 * `parser`, and joins them: the list a piece ends with goes on with the list
 * the next one starts with. A cut is used only where both sides show it is
 * between two items of one list; where one does not (the "items" were a
 * paragraph's lines, say), the text is parsed whole. Returns the pieces as
 * well (none when read whole), for the next version of the text.
 *
 * Given the pieces of the text read before (`before`), those an edit left
 * alone at either end are taken as they were, unread: a keystroke in a list of 5,000
 * entries looks for cuts and pieces around the edit only.
 */
export function readInPieces(text: string, parser: PieceParser, before?: readonly ReadPiece[]): { model: ChunkModel; pieces?: ReadPiece[] } {
  const pieces = before && before.length > 0 ? cutAgain(text, parser, before) : cutAfresh(text, parser);
  const whole = () => ({ model: parser.parse(text).model });
  if (pieces.length < 2) return whole();
  for (let i = 0; i + 1 < pieces.length; i++) if (!goesOn(pieces[i]!, pieces[i + 1]!)) return whole();
  return { model: joinPieces(pieces, true), pieces };
}

function cutAfresh(text: string, parser: PieceParser): ReadPiece[] {
  return piecesBetween(text, parser, [0, ...listCuts(text), text.length]);
}

/** Pieces between consecutive `bounds`. */
function piecesBetween(text: string, parser: PieceParser, bounds: number[]): ReadPiece[] {
  const pieces: ReadPiece[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const { text: kept, model } = parser.parse(text.slice(bounds[i], bounds[i + 1]));
    pieces.push({ from: bounds[i]!, text: kept, model });
  }
  return pieces;
}

/**
 * The pieces of `text`, a new version of the text cut into `old`. The pieces before
 * the edit are kept while the line each is cut after lies wholly before it
 * (the cut there is decided by that line and the lines above it); the scan
 * starts again at the last of those cuts and stops at the first cut it makes
 * that was a cut before, after the edit: from there on, the same text read
 * the same way cuts where it did.
 */
function cutAgain(text: string, parser: PieceParser, old: readonly ReadPiece[]): ReadPiece[] {
  const last = old[old.length - 1]!;
  const beforeLength = last.from + last.text.length;
  const { prefix, suffix } = commonEnds(old, beforeLength, text);
  const delta = text.length - beforeLength;
  // A piece's first line is unchanged where it ends before the prefix does (in the new text, which is the same there).
  let kept = 1;
  while (kept < old.length && lineEnd(text, old[kept]!.from) < prefix) kept++;
  const front = old.slice(0, kept - 1);
  const from = old[kept - 1]!.from;
  // Old cuts wholly inside the untouched end, by where they stand in the new text.
  const after = new Map<number, number>();
  for (let i = old.length - 1; i > 0 && old[i]!.from >= beforeLength - suffix; i--) after.set(old[i]!.from + delta, i);
  const bounds = [from];
  let resumed: number | undefined;
  scanCuts(text, from, (at) => {
    bounds.push(at);
    resumed = after.get(at);
    return resumed !== undefined;
  });
  if (resumed === undefined) bounds.push(text.length);
  for (const piece of front) parser.reuse(piece);
  const pieces = [...front, ...piecesBetween(text, parser, bounds)];
  if (resumed !== undefined) {
    for (const piece of old.slice(resumed)) {
      parser.reuse(piece);
      pieces.push({ ...piece, from: piece.from + delta });
    }
  }
  return pieces;
}

/** Where the line starting at `at` ends (its line break, or the end of the text). */
function lineEnd(text: string, at: number): number {
  const end = text.indexOf('\n', at);
  return end === -1 ? text.length : end;
}

/** `listGoesOn` for two pieces, once per pair of models (kept by their texts): each keystroke looks at every cut. */
function goesOn(before: ReadPiece, after: ReadPiece): boolean {
  const known = goingOn.get(before.model);
  if (known?.after === after.model) return known.goesOn;
  const answer = listGoesOn(before.text, before.model, after.model);
  goingOn.set(before.model, { after: after.model, goesOn: answer });
  return answer;
}

const goingOn = new WeakMap<ChunkModel, { after: ChunkModel; goesOn: boolean }>();

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
  const at = lastTopLevelIndex(model);
  return at === undefined ? undefined : model.lists[at];
}

/**
 * Pieces of one text read as one model: each piece's lines follow the one
 * before's. With `listsGoOn`, the list each piece starts with continues the
 * last top-level list of the piece before (its items join that list).
 */
export function joinPieces(pieces: { from: number; model: ChunkModel }[], listsGoOn: boolean): ChunkModel {
  const joined: ChunkModel = { headings: [], lists: [], anchors: [], explicitAnchors: [], suppressions: [], fileLinks: [], problems: [], end: { line: 0, character: 0 } };
  /** The lists this join made (continued lists): only those may change as it goes on; the pieces' own are shared. */
  const own = new Set<ListBlock>();
  const placing = new PiecePlacing();
  let line = 0;
  pieces.forEach(({ model }, i) => {
    const placed = placing.at(model, line);
    let lists = placed.lists;
    if (listsGoOn && i > 0) {
      const at = lastTopLevelIndex(joined)!;
      let previous = joined.lists[at]!;
      if (!own.has(previous)) {
        joined.lists[at] = previous = { ...previous, items: [...previous.items] };
        own.add(previous);
      }
      const [continued, ...rest] = lists;
      for (const item of continued!.items) previous.items.push(item);
      previous.range = { start: previous.range.start, end: continued!.range.end };
      lists = rest;
    }
    for (const list of lists) joined.lists.push(list);
    for (const heading of placed.headings) joined.headings.push(heading);
    for (const anchor of placed.anchors) joined.anchors.push(anchor);
    for (const anchor of placed.explicitAnchors) joined.explicitAnchors.push(anchor);
    for (const comment of placed.suppressions) joined.suppressions.push(comment);
    for (const link of placed.fileLinks) joined.fileLinks.push(link);
    if (placed.proseLinkIssues) for (const issue of placed.proseLinkIssues) (joined.proseLinkIssues ??= []).push(issue);
    for (const problem of placed.problems) joined.problems.push(problem);
    joined.end = placed.end;
    line = placed.end.line;
  });
  placing.keep();
  // What the text ends with is what its last piece ends with.
  const last = pieces[pieces.length - 1];
  if (last?.model.omitsNextHeading) joined.omitsNextHeading = true;
  if (last?.model.openAtEnd) joined.openAtEnd = { ...last.model.openAtEnd, from: last.from + last.model.openAtEnd.from };
  return joined;
}

function lastTopLevelIndex(model: ChunkModel): number | undefined {
  for (let i = model.lists.length - 1; i >= 0; i--) if (model.lists[i]!.depth === 0) return i;
  return undefined;
}

type PlacedPiece = Omit<ChunkModel, 'openAtEnd'>;

/**
 * Where each piece was placed in the last join that read it, by line.
 * Typing in one piece of a long list leaves the others at their lines: they
 * keep their objects (their entries), so that what was worked out from them
 * (their listings, their findings) is found again by identity instead of
 * being copied and compared, which would cost the whole list per keystroke.
 */
const placements = new WeakMap<ChunkModel, Map<number, PlacedPiece>>();

/** The placements of one join; those it did not use are dropped when it is done (a piece may stand at many lines: identical pieces). */
class PiecePlacing {
  private readonly used = new Map<ChunkModel, Map<number, PlacedPiece>>();

  at(model: ChunkModel, line: number): PlacedPiece {
    let here = this.used.get(model);
    if (!here) this.used.set(model, (here = new Map()));
    let placed = here.get(line) ?? placements.get(model)?.get(line);
    if (!placed) {
      const { openAtEnd: _open, ...content } = model;
      // Models are shared and never changed: a copy only where lines move (the join copies the lists it extends).
      placed = line === 0 ? content : shiftedCopy(content, line);
    }
    here.set(line, placed);
    return placed;
  }

  keep(): void {
    for (const [model, lines] of this.used) placements.set(model, lines);
  }
}
