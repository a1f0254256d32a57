import { assembleOutline, withLists } from './assemble';
import type { CachedChunk } from './chunkCache';
import type { ChunkOutline } from './parseChunk';
import type { ParseProblem, SurveyDocument, SurveyOutline } from './types';

/** A parsed chunk and the line where it stands in this version of the document. */
export interface PlacedChunk {
  chunk: CachedChunk;
  firstLine: number;
}

/**
 * One version of a document, parsed: its chunks, each at its line. The
 * outline (sections, anchors) is put together when first asked for, and the
 * whole model (every list and entry at its line) only when a feature asks
 * for it: the diagnostics work chunk by chunk and never need it, so an Enter
 * near the top of a long survey does not copy every entry below it.
 */
export class ParsedSurvey {
  private outlineMemo: SurveyOutline | undefined;
  private modelMemo: SurveyDocument | undefined;

  private constructor(
    readonly chunks: readonly PlacedChunk[],
    /** Why the document was not read at all (binary, too large). */
    readonly unread?: ParseProblem,
    /** The version before, whose outline this one takes over if nothing in it changed. */
    private previous?: ParsedSurvey,
  ) {}

  static of(chunks: readonly PlacedChunk[], previous?: ParsedSurvey): ParsedSurvey {
    // Only the version just before is ever looked at: no chain of old versions is kept alive.
    if (previous) previous.previous = undefined;
    return new ParsedSurvey(chunks, undefined, previous);
  }

  /** A document Surveyor does not read: no chunks, one problem that says why. */
  static unreadable(problem: ParseProblem): ParsedSurvey {
    return new ParsedSurvey([], problem);
  }

  /**
   * The outline. Typing in an entry changes neither a heading nor a line
   * break: the previous version's outline is then this one's too (the same
   * object, so that what the document rules derived from it is kept).
   */
  get outline(): SurveyOutline {
    if (!this.outlineMemo) {
      this.outlineMemo = this.unread
        ? { sections: [], anchors: [], explicitAnchors: [], suppressions: [], fileLinks: [], problems: [this.unread], lineCount: 1 }
        : (this.previousOutline() ?? assembleOutline(this.chunks.map((c) => c.chunk.outlineAt(c.firstLine))));
      this.previous = undefined;
    }
    return this.outlineMemo;
  }

  get model(): SurveyDocument {
    return (this.modelMemo ??= withLists(
      this.outline,
      this.chunks.map((c) => c.chunk.listsAt(c.firstLine)),
    ));
  }

  /** The previous version's outline, if it was made and every chunk's outline stands as it did there. */
  private previousOutline(): SurveyOutline | undefined {
    const before = this.previous;
    if (!before?.outlineMemo || before.chunks.length !== this.chunks.length) return undefined;
    for (let i = 0; i < this.chunks.length; i++) {
      const now = this.chunks[i]!;
      const then = before.chunks[i]!;
      if (now.firstLine !== then.firstLine) return undefined;
      if (now.chunk !== then.chunk && !sameOutline(now.chunk.outlineAt(now.firstLine), then.chunk.outlineAt(then.firstLine))) return undefined;
    }
    return before.outlineMemo;
  }
}

/** Outlines with the same headings, anchors, comments and problems at the same places. */
function sameOutline(a: ChunkOutline, b: ChunkOutline): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
