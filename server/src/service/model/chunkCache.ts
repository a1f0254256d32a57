import { assemble } from './assemble';
import { withPaperEntries } from './paperLists';
import { detached } from './memo';
import { parseChunk, type ChunkModel, type ChunkOutline } from './parseChunk';
import { readInPieces, type PieceParser, type ReadPiece } from './listPieces';
import { blockModel, type PieceSource } from './swallowingBlocks';
import { Placements, listsMovedDown } from './placement';
import type { ListBlock, SurveyDocument } from './types';

/**
 * A parsed chunk. Its model is made in its own lines (its first line is
 * line 0) and never changes: what is derived from it can be kept for as long
 * as the chunk's text is unchanged, wherever the chunk moves in the document.
 */
export class CachedChunk {
  private readonly outlines: Placements<ChunkOutline>;
  private readonly lists: Placements<ListBlock[]>;
  private aloneModel: SurveyDocument | undefined;

  constructor(
    /** The chunk's text, which its model was parsed from. */
    readonly text: string,
    readonly base: ChunkModel,
    /** The texts of the pieces it was read from (`listPieces.ts`, `swallowingBlocks.ts`), kept while it is. */
    readonly pieces: readonly string[] = [],
    /** How it was cut into pieces, when it was (`listPieces.ts`): its next version is cut again around the edit only. */
    readonly cutInto?: readonly ReadPiece[],
  ) {
    const { lists: _lists, openAtEnd: _open, ...outline } = base;
    this.outlines = new Placements<ChunkOutline>(outline);
    this.lists = new Placements(base.lists, listsMovedDown);
  }

  /** How many lines the chunk takes: the next chunk starts this many lines below it. */
  get lineCount(): number {
    return this.base.end.line;
  }

  /**
   * The chunk as a document of its own, in its own lines: what the rules that
   * look at one chunk at a time read. Its section slugs are the chunk's own,
   * not the document's (`-1` suffixes depend on the headings before it).
   */
  get alone(): SurveyDocument {
    return (this.aloneModel ??= assemble([this.base]));
  }

  /** Everything but the lists, placed at `firstLine`. */
  outlineAt(firstLine: number): ChunkOutline {
    return this.outlines.at(firstLine);
  }

  /**
   * The lists (and their entries), placed at `firstLine`: a copy for each
   * line the chunk stands at, so that a model handed out for one version
   * keeps its lines when the next version moves the chunk.
   */
  listsAt(firstLine: number): ListBlock[] {
    return this.lists.at(firstLine);
  }
}

/**
 * The chunks of the previous parse, found again without hashing the whole
 * document on every keystroke: a chunk before an edit starts where it did,
 * a chunk after it starts where it did plus the change in length, and the
 * text comparison confirms it. Only a chunk that moved (a pasted block, a
 * heading added above) is looked up by its text.
 */
export class ChunkCache {
  private byStart = new Map<number, CachedChunk>();
  /** Keyed by the chunks' own strings, whose hashes V8 has already computed. */
  private readonly byText = new Map<string, CachedChunk>();
  private previousLength = 0;
  private delta = 0;
  /** The chunks this parse has handed out, and where each starts: each stands once in a document, however often its text does. */
  private used = new Map<CachedChunk, number>();
  /** The pieces chunks are read from (`listPieces.ts`, `swallowingBlocks.ts`), by their text. */
  private readonly pieceModels = new Map<string, { own: string; model: ChunkModel }>();
  private usedPieces = new Set<string>();
  /** The pieces read for the chunk being made. */
  private reading: string[] = [];

  private readonly markdownPieces: PieceParser = {
    parse: (piece) => this.piece(piece, (own) => parseChunk(own, 0)),
    reuse: (piece) => void this.reading.push(piece.text),
  };

  readonly pieces: PieceSource = {
    markdown: (text) => readInPieces(text, this.markdownPieces).model,
    block: (text, open) => this.piece(text, (own) => blockModel(own, open)).model,
  };

  begin(textLength: number): void {
    this.delta = textLength - this.previousLength;
    this.used = new Map();
    this.usedPieces = new Set();
  }

  /**
   * The chunk for `text` starting at `start`, made by `read` (Markdown in
   * pieces, by default) unless kept. Within one parse a chunk is handed out
   * once: two sections with the same text are two places, and what is derived
   * from a chunk (its entries as listings) must tell them apart.
   */
  get(start: number, text: string, read?: () => ChunkModel): CachedChunk {
    let chunk = this.find(start, text);
    if (!chunk || this.used.has(chunk)) chunk = read ? this.made(text, read()) : this.readMarkdown(start, text);
    this.use(chunk, start);
    return chunk;
  }

  /** A chunk of Markdown, cut again around the edit where the chunk that stood here before was read in pieces. */
  private readMarkdown(start: number, text: string): CachedChunk {
    const before = this.byStart.get(start);
    const read = readInPieces(text, this.markdownPieces, before?.cutInto);
    return this.made(text, read.model, read.pieces);
  }

  /** A new chunk, with the pieces read for it since the last one was made. */
  private made(text: string, model: ChunkModel, cutInto?: readonly ReadPiece[]): CachedChunk {
    // Which lists are papers is decided on the whole chunk, never on a piece: a piece does not know its section.
    // A chunk read in pieces is their texts, which own their memory already: put together, not copied again (a long list's chunk is made anew on every keystroke).
    const own = cutInto ? cutInto.reduce((joined, piece) => joined + piece.text, '') : detached(text);
    const chunk = new CachedChunk(own, withPaperEntries(model), this.reading, cutInto);
    this.reading = [];
    return chunk;
  }

  /** The chunk stands in this parse: it and the pieces it was read from are kept. */
  private use(chunk: CachedChunk, start: number): void {
    this.used.set(chunk, start);
    for (const piece of chunk.pieces) this.usedPieces.add(piece);
    this.reading = [];
  }

  /** The parse finished: keep exactly the chunks it used. */
  commit(textLength: number): void {
    for (const text of this.pieceModels.keys()) if (!this.usedPieces.has(text)) this.pieceModels.delete(text);
    this.byStart = new Map();
    for (const [chunk, start] of this.used) this.byStart.set(start, chunk);
    for (const [text, chunk] of this.byText) if (!this.used.has(chunk)) this.byText.delete(text);
    for (const chunk of this.used.keys()) this.byText.set(chunk.text, chunk);
    this.previousLength = textLength;
  }

  /** The parse stopped part-way: keep what it parsed as well as what was kept before. */
  abort(): void {
    for (const chunk of this.used.keys()) this.byText.set(chunk.text, chunk);
    this.byStart = new Map();
    for (const [chunk, start] of this.used) this.byStart.set(start, chunk);
  }

  private piece(text: string, parse: (own: string) => ChunkModel): { text: string; model: ChunkModel } {
    let kept = this.pieceModels.get(text);
    if (!kept) {
      // Like a chunk, a piece owns its text, so that its model does not keep the document alive.
      const own = detached(text);
      kept = { own, model: parse(own) };
      this.pieceModels.set(own, kept);
    }
    this.reading.push(kept.own);
    return { text: kept.own, model: kept.model };
  }

  private find(start: number, text: string): CachedChunk | undefined {
    const here = this.byStart.get(start);
    if (here && here.text === text) return here;
    const moved = this.byStart.get(start - this.delta);
    if (moved && moved.text === text) return moved;
    return this.byText.get(text);
  }
}
