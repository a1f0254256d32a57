import { isClosingFence, type OpenBlock } from './openBlocks';
import { scanHtml, type ChunkModel } from './parseChunk';
import { joinPieces } from './listPieces';
import { PositionMapper } from './positions';

/** Parsed pieces of text, each parsed once and kept by its text. */
export interface PieceSource {
  /** Markdown, parsed with remark. */
  markdown(text: string): ChunkModel;
  /** A block that swallows headings: code has nothing for a survey, raw HTML only its anchors and comments. */
  block(text: string, open: OpenBlock): ChunkModel;
}

/**
 * A chunk whose last block stays open (a code fence, an HTML block)
 * swallows the headings after it, up to where the block closes. Rather than
 * parsing all of that as one text (a fence left open near the top of a long
 * survey would make every later keystroke parse megabytes again), the chunk
 * is read in pieces: the Markdown before the block, the block itself, the
 * Markdown after it, and so on while a piece ends in another open block.
 * Each piece starts a fresh block at the top level, so the pieces read as the
 * whole would. Returns where the chunk ends, the index of the first heading
 * boundary after it, and how to join its pieces (only needed if the chunk is
 * not kept already).
 */
export function swallowingChunk(
  text: string,
  start: number,
  open: OpenBlock,
  boundaries: readonly number[],
  next: number,
  pieces: PieceSource,
): { join: () => ChunkModel; end: number; next: number } {
  const models: { from: number; model: ChunkModel }[] = [];
  let pieceStart = start;
  let segmentEnd = boundaries[next]!;
  for (;;) {
    const opener = pieceStart + open.from;
    if (opener > pieceStart) models.push({ from: pieceStart - start, model: pieces.markdown(text.slice(pieceStart, opener)) });
    const end = blockEnd(text, segmentEnd, open);
    models.push({ from: opener - start, model: pieces.block(text.slice(opener, end), open) });
    while (next < boundaries.length && boundaries[next]! < end) next++;
    const restEnd = boundaries[next] ?? text.length;
    if (end >= restEnd) return { join: () => joinPieces(models, false), end, next };
    const rest = pieces.markdown(text.slice(end, restEnd));
    if (!rest.openAtEnd || next >= boundaries.length) {
      models.push({ from: end - start, model: rest });
      return { join: () => joinPieces(models, false), end: restEnd, next };
    }
    pieceStart = end;
    open = rest.openAtEnd;
    segmentEnd = restEnd;
  }
}

/** The model of a block that swallowed headings: nothing but what raw HTML holds. */
export function blockModel(text: string, open: OpenBlock): ChunkModel {
  const map = new PositionMapper(text);
  const model: ChunkModel = { headings: [], lists: [], anchors: [], explicitAnchors: [], suppressions: [], fileLinks: [], problems: [], end: map.position(text.length) };
  if (open.kind !== 'fence') scanHtml(text, 0, map, model);
  return model;
}

/**
 * The offset just after the block `open` (the start of the line after its
 * closing line, or of the blank line that ends it), searching from `from`, a
 * line start inside it; the text's length if it never closes.
 */
function blockEnd(text: string, from: number, open: OpenBlock): number {
  switch (open.kind) {
    case 'fence': {
      for (let at = from; at < text.length; ) {
        const eol = lineEndAt(text, at);
        if (isClosingFence(text.slice(at, eol), open.fence)) return Math.min(eol + 1, text.length);
        at = eol + 1;
      }
      return text.length;
    }
    case 'html-until': {
      const m = new RegExp(open.marker.source, open.marker.flags.replace('g', '') + 'g');
      m.lastIndex = from;
      const found = m.exec(text);
      return found ? Math.min(lineEndAt(text, found.index) + 1, text.length) : text.length;
    }
    case 'html-until-blank': {
      const blank = /\n[ \t]*(?=\r?\n|$)/g;
      blank.lastIndex = Math.max(0, from - 1);
      const found = blank.exec(text);
      return found ? found.index + 1 : text.length;
    }
  }
}

function lineEndAt(text: string, offset: number): number {
  const i = text.indexOf('\n', offset);
  return i === -1 ? text.length : i;
}
