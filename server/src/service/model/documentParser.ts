import { assemble } from './assemble';
import { withoutLoneCr } from './lines';
import { ChunkCache } from './chunkCache';
import { withPaperEntries } from './paperLists';
import { parseChunk } from './parseChunk';
import { ParsedSurvey, type PlacedChunk } from './parsedSurvey';
import { PositionMapper } from './positions';
import { swallowingChunk } from './swallowingBlocks';
import type { ParseProblem, SurveyDocument } from './types';

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
 * Parses a survey incrementally. The text is cut into chunks at every ATX
 * heading that starts a line; each chunk is parsed once (long lists in pieces,
 * `listPieces.ts`) and kept, keyed by its text, so an edit re-parses only what
 * it touches. A chunk whose last block stays open (an
 * unclosed code fence, an HTML block) runs on to where that block closes
 * (read in pieces: `swallowingBlocks.ts`), so the chunks always give the same
 * model as parsing the whole text at once.
 */
export class IncrementalParser {
  private readonly cache = new ChunkCache();
  private last: ParsedSurvey | undefined;
  /** Bumped by every parse: a parse in slices that finds it changed after a pause was overtaken, and leaves the cache alone. */
  private generation = 0;

  parse(text: string, token?: Cancellation): ParsedSurvey {
    const steps = this.steps(text, token, ++this.generation);
    for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
  }

  /**
   * The same parse, pausing (`pause`, which lets the event loop run) whenever
   * it has worked for `sliceMs` since the last pause: requests for other
   * documents and cancellations are served while a big document is read.
   * Answers undefined when a newer parse overtook it during a pause.
   */
  async parseInSlices(text: string, token: Cancellation | undefined, pause: () => Promise<void>, sliceMs = SLICE_MS): Promise<ParsedSurvey | undefined> {
    const generation = ++this.generation;
    const steps = this.steps(text, token, generation);
    let since = Date.now();
    for (let step = steps.next(); ; step = steps.next()) {
      if (step.done) return step.value;
      if (Date.now() - since < sliceMs) continue;
      await pause();
      if (this.generation !== generation) return undefined;
      since = Date.now();
    }
  }

  /** The parse, chunk by chunk: it yields after each chunk, and checks for cancellation before the next. */
  private *steps(original: string, token: Cancellation | undefined, generation: number): Generator<void, ParsedSurvey> {
    const text = withoutLoneCr(original);
    const binary = binaryProblem(text);
    if (binary) return ParsedSurvey.unreadable(binary);
    this.cache.begin(text.length);
    const chunks: PlacedChunk[] = [];
    const boundaries = headingLineStarts(text);
    let line = 0;
    for (let i = 0; i < boundaries.length; ) {
      if (token?.isCancellationRequested && this.generation === generation) {
        this.cache.abort();
        throw new ParseCancelledError();
      }
      const start = boundaries[i]!;
      let next = i + 1;
      let chunk = this.cache.get(start, text.slice(start, boundaries[next] ?? text.length));
      const open = chunk.base.openAtEnd;
      if (open && next < boundaries.length) {
        // The open block swallows the headings up to where it closes: the chunk runs on past that point.
        const swallowing = swallowingChunk(text, start, open, boundaries, next, this.cache.pieces);
        chunk = this.cache.get(start, text.slice(start, swallowing.end), swallowing.join);
        next = swallowing.next;
      }
      chunks.push({ chunk, firstLine: line });
      line += chunk.lineCount;
      i = next;
      yield;
    }
    this.cache.commit(text.length);
    return (this.last = ParsedSurvey.of(chunks, this.last));
  }
}

/** How long a parse in slices works before it lets other requests in. */
const SLICE_MS = 15;

/** Parses the whole text as one piece: the reference the incremental parser must agree with. */
export function parseWhole(original: string): SurveyDocument {
  const text = withoutLoneCr(original);
  const binary = binaryProblem(text);
  return binary ? ParsedSurvey.unreadable(binary).model : assemble([withPaperEntries(parseChunk(text, 0))]);
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

/**
 * A file with NUL characters near its start is not text (Git's test, on the
 * first 8,000 characters): one clear problem instead of a thousand.
 */
function binaryProblem(text: string): ParseProblem | undefined {
  const nul = text.lastIndexOf('\u0000', 8000);
  if (nul === -1) return undefined;
  const at = new PositionMapper(text.slice(0, nul)).position(nul);
  return { message: 'This file looks binary (it contains NUL characters), so Surveyor does not check it.', range: { start: at, end: at } };
}
