import type { Range } from 'vscode-languageserver-types';
import { assemble } from './assemble';
import { ChunkCache } from './chunkCache';
import { isClosingFence, parseChunk, type ChunkModel, type OpenBlock } from './parseChunk';
import { PositionMapper } from './positions';
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
  private readonly cache = new ChunkCache();

  parse(text: string, token?: Cancellation): SurveyDocument {
    const binary = binaryProblem(text);
    if (binary) return binary;
    this.cache.begin(text.length);
    const chunks: ChunkModel[] = [];
    const boundaries = headingLineStarts(text);
    let line = 0;
    for (let i = 0; i < boundaries.length; ) {
      if (token?.isCancellationRequested) {
        this.cache.abort();
        throw new ParseCancelledError();
      }
      const start = boundaries[i]!;
      let next = i + 1;
      let chunk = this.cache.get(start, text.slice(start, boundaries[next] ?? text.length));
      while (chunk.base.openAtEnd && next < boundaries.length) {
        // The open block swallows the headings up to where it closes: extend the chunk past that point.
        const closesAt = closingOffset(text, boundaries[next]!, chunk.base.openAtEnd);
        while (next < boundaries.length && boundaries[next]! < closesAt) next++;
        chunk = this.cache.get(start, text.slice(start, boundaries[next] ?? text.length));
      }
      const placed = chunk.at(line);
      chunks.push(placed);
      line = placed.end.line;
      i = next;
    }
    this.cache.commit(text.length);
    return assemble(chunks);
  }
}

/** Parses the whole text as one piece: the reference the incremental parser must agree with. */
export function parseWhole(text: string): SurveyDocument {
  return binaryProblem(text) ?? assemble([parseChunk(text, 0)]);
}

/**
 * Offsets where a chunk may start: 0 and every line that starts with `#`
 * marks at column 0. An ATX heading there cannot belong to a list item or a
 * block quote; only an open fence or HTML block can swallow it (handled by
 * the parse of the chunk before it).
 */
function headingLineStarts(text: string): number[] {
  const starts = [0];
  collectAfter(text, '\n#', starts);
  // Lone CR line endings (old Mac files) start lines too.
  if (text.includes('\r')) {
    collectAfter(text, '\r#', starts);
    starts.sort((a, b) => a - b);
  }
  return starts;
}

/** Offsets of the `#` in each `<break>#` that starts an ATX heading line (plain scanning: this runs on every keystroke). */
function collectAfter(text: string, needle: string, into: number[]): void {
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) {
    let j = i + 1;
    while (j < text.length && j - i <= 7 && text.charCodeAt(j) === 35 /* # */) j++;
    const marks = j - i - 1;
    const after = text.charCodeAt(j);
    if (marks <= 6 && (j === text.length || after === 32 || after === 9 || after === 10 || after === 13)) into.push(i + 1);
  }
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

/**
 * A file with NUL characters near its start is not text (Git's test, on the
 * first 8,000 characters): one clear problem instead of a thousand.
 */
function binaryProblem(text: string): SurveyDocument | undefined {
  const nul = text.lastIndexOf('\u0000', 8000);
  if (nul === -1) return undefined;
  const at = new PositionMapper(text.slice(0, nul)).position(nul);
  return uncheckedDocument('This file looks binary (it contains NUL characters), so Surveyor does not check it.', { start: at, end: at });
}

/** A document Surveyor does not read (binary, too large): no model, one problem that says why. */
export function uncheckedDocument(message: string, range: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }): SurveyDocument {
  return { sections: [], lists: [], entries: [], anchors: [], explicitAnchors: [], suppressions: [], problems: [{ message, range }], lineCount: 1 };
}
