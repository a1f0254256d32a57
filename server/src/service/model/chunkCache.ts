import { detached } from './memo';
import { parseChunk, type ChunkModel } from './parseChunk';
import { shiftLines } from './positions';

/** A parsed chunk, with the copies of it placed at the lines where it was used. */
export class CachedChunk {
  private placements = new Map<number, ChunkModel>();

  constructor(readonly base: ChunkModel) {}

  /** The chunk's model with ranges starting at `firstLine`. */
  at(firstLine: number): ChunkModel {
    let placed = this.placements.get(firstLine);
    if (!placed) {
      placed = shiftLines(this.base, firstLine);
      // Typing keeps a chunk at one or two lines (before and after an Enter above it); more copies are garbage.
      if (this.placements.size > 1) this.placements.clear();
      this.placements.set(firstLine, placed);
    }
    return placed;
  }
}

interface Kept {
  start: number;
  text: string;
  chunk: CachedChunk;
}

/**
 * The chunks of the previous parse, found again without hashing the whole
 * document on every keystroke: a chunk before an edit starts where it did,
 * a chunk after it starts where it did plus the change in length, and the
 * text comparison confirms it. Only a chunk that moved (a pasted block, a
 * heading added above) is looked up by its text.
 */
export class ChunkCache {
  private byStart = new Map<number, Kept>();
  /** Keyed by the strings of earlier parses, whose hashes V8 has already computed. */
  private byText = new Map<string, CachedChunk>();
  private previousLength = 0;
  private delta = 0;
  private next: Kept[] = [];

  begin(textLength: number): void {
    this.delta = textLength - this.previousLength;
    this.next = [];
  }

  get(start: number, text: string): CachedChunk {
    const kept = this.find(start, text) ?? this.parse(start, text);
    this.next.push({ start, text: kept.text, chunk: kept.chunk });
    return kept.chunk;
  }

  /** The parse finished: keep exactly the chunks it used. */
  commit(textLength: number): void {
    this.byStart = new Map(this.next.map((k) => [k.start, k]));
    this.byText = new Map(this.next.map((k) => [k.text, k.chunk]));
    this.previousLength = textLength;
    this.next = [];
  }

  /** The parse stopped part-way: keep what it parsed as well as what was kept before. */
  abort(): void {
    for (const k of this.next) this.byText.set(k.text, k.chunk);
    this.byStart = new Map(this.next.map((k) => [k.start, k]));
    this.next = [];
  }

  /**
   * A new chunk owns a copy of its text: a slice would keep the whole document
   * version it was cut from alive for as long as the chunk is kept (and the
   * titles and urls parsed from it, which are slices of it in turn).
   */
  private parse(start: number, text: string): Kept {
    const own = detached(text);
    return { start, text: own, chunk: new CachedChunk(parseChunk(own, 0)) };
  }

  private find(start: number, text: string): Kept | undefined {
    for (const at of [start, start - this.delta]) {
      const kept = this.byStart.get(at);
      if (kept && kept.text === text) return kept;
    }
    const chunk = this.byText.get(text);
    return chunk && { start, text, chunk };
  }
}
