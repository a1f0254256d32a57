import type { Range } from 'vscode-languageserver-types';
import { sectionAt } from '../model/assemble';
import type { CachedChunk } from '../model/chunkCache';
import { normalizedTitle, paperIdentity } from '../model/identity';
import { shiftRange } from '../model/placement';
import { comparePositions } from '../model/positions';
import type { Entry, Section } from '../model/types';
import type { Fix } from './finding';

/**
 * Where a chunk stands in the version of the document being analysed. The
 * analysis keeps one per chunk and moves it as the document changes, so
 * what is built on a chunk (its listings) follows it without being rebuilt.
 */
export interface ChunkPlace {
  readonly chunk: CachedChunk;
  firstLine: number;
  /** The chunk's index among the document's chunks. */
  order: number;
}

/**
 * One place a paper is listed. The entry and its section are its chunk's
 * own (in the chunk's lines); `place` puts a range of it where the chunk
 * stands now.
 */
export class Listing {
  constructor(
    /** The entry, in its chunk's lines. */
    private current: Entry,
    /** The section it is listed under, in its chunk. */
    private currentSection: Section | undefined,
    private at: ChunkPlace,
  ) {}

  get entry(): Entry {
    return this.current;
  }

  get section(): Section | undefined {
    return this.currentSection;
  }

  /**
   * The same listing in a chunk parsed again: an entry that reads and stands
   * exactly as before keeps its listing, so its groups need no new look.
   */
  carryTo(entry: Entry, section: Section | undefined, at: ChunkPlace): void {
    this.current = entry;
    this.currentSection = section;
    this.at = at;
  }

  /** A range of this listing's entry, at document lines. */
  place(range: Range): Range {
    return shiftRange(range, this.at.firstLine);
  }

  /** A fix made on the entry's chunk, at document lines. */
  placeFix(fix: Fix): Fix {
    return { ...fix, edits: fix.edits.map((e) => ({ range: this.place(e.range), newText: e.newText })) };
  }

  /** The 1-based line of the entry in the document, as messages show it. */
  get line(): number {
    return this.at.firstLine + this.entry.range.start.line + 1;
  }

  /** The line where the entry's chunk starts now. */
  get chunkLine(): number {
    return this.at.firstLine;
  }

  get chunk(): CachedChunk {
    return this.at.chunk;
  }

  /** Whether both are listed under one section (a chunk stands once in a document, so its own sections tell). */
  sameSection(other: Listing): boolean {
    return this.at.chunk === other.at.chunk && this.section === other.section;
  }

  /** Document order. */
  before(other: Listing): boolean {
    return this.at.order < other.at.order || (this.at === other.at && comparePositions(this.entry.range.start, other.entry.range.start) < 0);
  }
}

/** A chunk's entries as listings, with the keys they are indexed under. */
interface ChunkListing {
  listing: Listing;
  identity: string | undefined;
  /** The normalised title of an entry with an arXiv link. */
  arxivTitle: string | undefined;
}

/** What makes an entry the same listing in a chunk parsed again: its text, fields and section, all at the same lines. */
function sameness(entry: Entry, section: Section | undefined, at: ChunkPlace): string {
  return JSON.stringify([at.firstLine, section?.kind, section?.text, section?.range, entry]);
}

/**
 * The listings of one paper (or, in `sameTitle`, of one title), in document
 * order. The group object lives as long as the paper is listed; `stamp`
 * changes whenever a listing joins or leaves it, so that what was worked out
 * from the group can be kept until then.
 */
export class PaperGroup {
  readonly listings: Listing[] = [];
  /** Changes when a listing joins or leaves. */
  stamp = 0;
  /** Changes when a listing is carried over into its chunk parsed again (the same entry, other objects). */
  carried = 0;
}

/**
 * The papers listed more than once and the arXiv entries that share a title,
 * kept up to date chunk by chunk as the document changes: a keystroke takes
 * out the chunk it replaced and adds the new one, so it costs the entries of
 * one chunk, not of the document.
 */
export class PaperIndex {
  private readonly byIdentity = new Groups();
  private readonly byTitle = new Groups();
  private readonly listed = new Map<CachedChunk, ChunkListing[]>();

  /** Papers listed more than once (by identity, `model/identity.ts`). */
  get repeated(): ReadonlyMap<string, PaperGroup> {
    return this.byIdentity.repeated;
  }

  /** Entries with an arXiv link that share a normalised title, by title. */
  get sameTitle(): ReadonlyMap<string, PaperGroup> {
    return this.byTitle.repeated;
  }

  /**
   * Chunks left the document and others joined it (at places that must
   * already be current). A keystroke replaces one chunk with another that
   * differs in one entry: the listings of the other entries are carried over
   * to the new chunk, so that only the groups of the changed entry change.
   */
  replace(removed: ChunkPlace[], added: ChunkPlace[]): void {
    const leaving = new Map<string, ChunkListing>();
    if (added.length > 0) {
      for (const place of removed) {
        for (const listed of this.listed.get(place.chunk) ?? []) leaving.set(sameness(listed.listing.entry, listed.listing.section, place), listed);
      }
    }
    // Which new entries are old listings, before anything joins or leaves a group.
    const joining = added.map((at) => {
      const alone = at.chunk.alone;
      return alone.entries.map((entry) => {
        const section = sectionAt(alone, entry.range.start);
        const key = leaving.size > 0 ? sameness(entry, section, at) : undefined;
        const carried = key === undefined ? undefined : leaving.get(key);
        if (carried) leaving.delete(key!);
        return { entry, section, at, carried };
      });
    });
    const staying = new Set(joining.flatMap((entries) => entries.flatMap((e) => (e.carried ? [e.carried] : []))));
    for (const place of removed) {
      for (const listed of this.listed.get(place.chunk) ?? []) if (!staying.has(listed)) this.leave(listed);
      this.listed.delete(place.chunk);
    }
    // Carried listings first: a new listing finds its place in a group by comparing with the others' current places.
    added.forEach((at, i) => {
      for (const { entry, section, carried } of joining[i]!) {
        if (!carried) continue;
        carried.listing.carryTo(entry, section, at);
        if (carried.identity !== undefined) this.byIdentity.touch(carried.identity);
        if (carried.arxivTitle) this.byTitle.touch(carried.arxivTitle);
      }
    });
    added.forEach((at, i) => {
      this.listed.set(
        at.chunk,
        joining[i]!.map(({ entry, section, carried }) => {
          if (carried) return carried;
          const listed = { listing: new Listing(entry, section, at), identity: paperIdentity(entry), arxivTitle: entry.arxiv ? normalizedTitle(entry) : undefined };
          this.join(listed);
          return listed;
        }),
      );
    });
  }

  private join({ listing, identity, arxivTitle }: ChunkListing): void {
    if (identity !== undefined) this.byIdentity.add(identity, listing);
    if (arxivTitle) this.byTitle.add(arxivTitle, listing);
  }

  private leave({ listing, identity, arxivTitle }: ChunkListing): void {
    if (identity !== undefined) this.byIdentity.remove(identity, listing);
    if (arxivTitle) this.byTitle.remove(arxivTitle, listing);
  }
}

/** Listings under keys, each group in document order; the groups of more than one listing at hand. */
class Groups {
  private readonly all = new Map<string, PaperGroup>();
  readonly repeated = new Map<string, PaperGroup>();
  private stamps = 0;

  add(key: string, listing: Listing): void {
    let group = this.all.get(key);
    if (!group) this.all.set(key, (group = new PaperGroup()));
    const { listings } = group;
    let at = listings.length;
    while (at > 0 && listing.before(listings[at - 1]!)) at--;
    listings.splice(at, 0, listing);
    group.stamp = ++this.stamps;
    if (listings.length === 2) this.repeated.set(key, group);
  }

  /** A listing of the group now stands in a chunk parsed again. */
  touch(key: string): void {
    const group = this.all.get(key);
    if (group) group.carried = ++this.stamps;
  }

  remove(key: string, listing: Listing): void {
    const group = this.all.get(key);
    const at = group ? group.listings.indexOf(listing) : -1;
    if (at < 0) return;
    group!.listings.splice(at, 1);
    group!.stamp = ++this.stamps;
    if (group!.listings.length < 2) this.repeated.delete(key);
    if (group!.listings.length === 0) this.all.delete(key);
  }
}

/** `line 161`, `lines 161 and 256`, `lines 12, 40 and 77`. */
export function describeLines(listings: Listing[]): string {
  const lines = listings.slice(0, MAX_NAMED).map((l) => String(l.line));
  if (listings.length > MAX_NAMED) return `lines ${lines.join(', ')} and ${listings.length - MAX_NAMED} more`;
  if (lines.length === 1) return `line ${lines[0]}`;
  return `lines ${lines.slice(0, -1).join(', ')} and ${lines[lines.length - 1]}`;
}

/** How many other places a message or its related information names; past that they add length, not help. */
export const MAX_NAMED = 10;
