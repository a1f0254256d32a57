import { assemble } from './assemble';
import { isClosingFence, parseChunk, type ChunkModel, type OpenBlock } from './parseChunk';
import { PositionMapper, shiftLines } from './positions';
import type { SurveyDocument } from './types';

/** Asked between chunks, so that a long parse can stop when its request is cancelled. */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
}

export class ParseCancelledError extends Error {
  constructor() {
    super('parse cancelled');
  }
}

/**
 * Parses a survey incrementally. The text is cut into chunks at top-level ATX
 * headings; each chunk is parsed once and kept, keyed by its text, so an edit
 * re-parses only the chunk it touches. A chunk whose last block stays open (an
 * unclosed code fence, an HTML block) runs on to where that block closes, so
 * the chunks always give the same model as parsing the whole text at once.
 */
export class IncrementalParser {
  /** Parsed chunks by text; each with the placements (first lines) it was used at. */
  private cache = new Map<string, CachedChunk>();

  parse(text: string, token?: Cancellation): SurveyDocument {
    const binary = binaryProblem(text);
    if (binary) return binary;
    const used = new Map<string, CachedChunk>();
    const chunks: ChunkModel[] = [];
    const boundaries = headingLineStarts(text);
    let line = 0;
    for (let i = 0; i < boundaries.length; ) {
      if (token?.isCancellationRequested) {
        this.cache = mergeCaches(this.cache, used);
        throw new ParseCancelledError();
      }
      const start = boundaries[i]!;
      let next = i + 1;
      let chunk = this.chunk(text.slice(start, boundaries[next] ?? text.length), used);
      while (chunk.base.openAtEnd && next < boundaries.length) {
        // The open block swallows the headings up to where it closes: extend the chunk past that point.
        const closesAt = closingOffset(text, boundaries[next]!, chunk.base.openAtEnd);
        while (next < boundaries.length && boundaries[next]! < closesAt) next++;
        chunk = this.chunk(text.slice(start, boundaries[next] ?? text.length), used);
      }
      const placed = chunk.at(line);
      chunks.push(placed);
      line = placed.end.line;
      i = next;
    }
    this.cache = used;
    return assemble(chunks);
  }

  private chunk(text: string, used: Map<string, CachedChunk>): CachedChunk {
    let cached = used.get(text) ?? this.cache.get(text);
    if (!cached) cached = new CachedChunk(parseChunk(text, 0));
    used.set(text, cached);
    return cached;
  }
}

/** Parses the whole text as one piece: the reference the incremental parser must agree with. */
export function parseWhole(text: string): SurveyDocument {
  return binaryProblem(text) ?? assemble([parseChunk(text, 0)]);
}

class CachedChunk {
  private placements = new Map<number, ChunkModel>();

  constructor(readonly base: ChunkModel) {}

  at(firstLine: number): ChunkModel {
    let placed = this.placements.get(firstLine);
    if (!placed) {
      placed = shiftLines(this.base, firstLine);
      if (this.placements.size > 4) this.placements.clear();
      this.placements.set(firstLine, placed);
    }
    return placed;
  }
}

function mergeCaches(a: Map<string, CachedChunk>, b: Map<string, CachedChunk>): Map<string, CachedChunk> {
  for (const [k, v] of b) a.set(k, v);
  return a;
}

/**
 * Offsets where a chunk may start: 0 and every line that starts with `#`
 * marks at column 0. An ATX heading there cannot belong to a list item or a
 * block quote; only an open fence or HTML block can swallow it (handled by
 * the parse of the chunk before it).
 */
function headingLineStarts(text: string): number[] {
  const starts = [0];
  for (const m of text.matchAll(/(?<=[\r\n])#{1,6}(?=[ \t\r\n]|$)/g)) starts.push(m.index);
  return starts;
}

/** The offset after the line that closes `open`, searching from `from` (the end of the chunk). */
function closingOffset(text: string, from: number, open: OpenBlock): number {
  switch (open.kind) {
    case 'fence': {
      for (let at = from; at < text.length; ) {
        const eol = lineEndAt(text, at);
        if (isClosingFence(text.slice(at, eol), open.fence)) return eol;
        at = eol + 1;
      }
      return text.length;
    }
    case 'html-until': {
      const m = new RegExp(open.marker.source, open.marker.flags.replace('g', '') + 'g');
      m.lastIndex = from;
      const found = m.exec(text);
      return found ? lineEndAt(text, found.index) : text.length;
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

/** A file with NUL characters is not text: one clear problem instead of a thousand. */
function binaryProblem(text: string): SurveyDocument | undefined {
  const nul = text.indexOf('\u0000');
  if (nul === -1) return undefined;
  const map = new PositionMapper(text);
  return {
    sections: [],
    lists: [],
    entries: [],
    anchors: [],
    explicitAnchors: [],
    problems: [{ message: 'This file looks binary (it contains NUL characters), so Surveyor does not check it.', range: map.range(nul, nul) }],
    lineCount: map.lineCount,
  };
}
