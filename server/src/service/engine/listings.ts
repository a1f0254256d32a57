import type { Range } from 'vscode-languageserver-types';
import { sectionAt } from '../model/assemble';
import type { CachedChunk } from '../model/chunkCache';
import { codeProjectsOf } from '../model/codeLinks';
import { keptEntries } from '../model/keptEntries';
import { normalizedTitle, paperIdentity } from '../model/identity';
import { shiftRange } from '../model/placement';
import { comparePositions } from '../model/positions';
import type { Entry, Section, SurveyDocument } from '../model/types';
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
  /** The repositories (or pages) the entry's code links point into. */
  codeProjects: readonly string[];
  /** The last `replace` that carried it over into a new chunk. */
  carried: number;
}

/** A section of the chunk parsed again that reads and stands as the one a listing was under. */
function sameSection(a: Section | undefined, b: Section | undefined): boolean {
  if (!a || !b) return a === b;
  return a.kind === b.kind && a.text === b.text && comparePositions(a.range.start, b.range.start) === 0 && comparePositions(a.range.end, b.range.end) === 0;
}

/** Each section of `before` with the one of `after` that reads and stands alike, when all of them do. */
function sectionsAlike(before: SurveyDocument, after: SurveyDocument): Map<Section, Section> | undefined {
  if (before.sections.length !== after.sections.length) return undefined;
  const alike = new Map<Section, Section>();
  for (let i = 0; i < before.sections.length; i++) {
    if (!sameSection(before.sections[i], after.sections[i])) return undefined;
    alike.set(before.sections[i]!, after.sections[i]!);
  }
  return alike;
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
}

/**
 * The papers listed more than once, the arXiv entries that share a title and
 * the entries whose code links share a repository,
 * kept up to date chunk by chunk as the document changes: a keystroke takes
 * out the chunk it replaced and adds the new one, so it costs the entries of
 * one chunk, not of the document.
 */
export class PaperIndex {
  private readonly byIdentity = new Groups();
  private readonly byTitle = new Groups();
  private readonly byCode = new Groups();
  private readonly listed = new Map<CachedChunk, ChunkListing[]>();
  private replacements = 0;

  /** Papers listed more than once (by identity, `model/identity.ts`). */
  get repeated(): ReadonlyMap<string, PaperGroup> {
    return this.byIdentity.repeated;
  }

  /** Entries with an arXiv link that share a normalised title, by title. */
  get sameTitle(): ReadonlyMap<string, PaperGroup> {
    return this.byTitle.repeated;
  }

  /** Entries whose code links point into one repository (or one page elsewhere), by repository (`model/codeLinks.ts`). */
  get sameCode(): ReadonlyMap<string, PaperGroup> {
    return this.byCode.repeated;
  }

  /**
   * Chunks left the document and others joined it (at places that must
   * already be current). A keystroke replaces one chunk with another that
   * differs in one entry: the listings of the other entries are carried over
   * to the new chunk, so that only the groups of the changed entry change.
   * An entry is the same when it is the same object (a long list is read in
   * pieces, and the pieces a keystroke did not touch keep their entries:
   * `listPieces.ts`) under a section that reads and stands alike, in a chunk
   * that starts at the same line; so finding them costs a comparison of
   * pointers per entry, not of their contents.
   */
  replace(removed: ChunkPlace[], added: ChunkPlace[]): void {
    const stamp = ++this.replacements;
    // Which new entries are old listings, before anything joins or leaves a group: `carried[i][k]` for the k-th entry of the i-th chunk.
    const carried = this.formerListings(removed, added);
    // A keystroke that left every heading as it was: a listing carried over is under the same section, found without a search.
    const sameSections = removed.length === 1 && added.length === 1 ? sectionsAlike(removed[0]!.chunk.alone, added[0]!.chunk.alone) : undefined;
    const sectionOf = (alone: SurveyDocument, k: number, old: ChunkListing | undefined) =>
      old && sameSections ? (old.listing.section && sameSections.get(old.listing.section)) : sectionAt(alone, alone.entries[k]!.range.start);
    added.forEach((at, i) => {
      const alone = at.chunk.alone;
      const former = carried[i]!;
      for (let k = 0; k < former.length; k++) {
        const old = former[k];
        if (old && old.listing.chunkLine === at.firstLine && old.carried !== stamp && (sameSections || sameSection(old.listing.section, sectionOf(alone, k, old)))) old.carried = stamp;
        else former[k] = undefined;
      }
    });
    for (const place of removed) {
      for (const listed of this.listed.get(place.chunk) ?? []) if (listed.carried !== stamp) this.leave(listed);
      this.listed.delete(place.chunk);
    }
    added.forEach((at, i) => {
      const alone = at.chunk.alone;
      const listings = carried[i]!;
      for (let k = 0; k < alone.entries.length; k++) {
        const entry = alone.entries[k]!;
        const old = listings[k];
        const section = sectionOf(alone, k, old);
        if (old) old.listing.carryTo(entry, section, at);
        else this.join((listings[k] = { listing: new Listing(entry, section, at), identity: paperIdentity(entry), arxivTitle: entry.arxiv ? normalizedTitle(entry) : undefined, codeProjects: codeProjectsOf(entry), carried: 0 }));
      }
      this.listed.set(at.chunk, listings as ChunkListing[]);
    });
    // Every listing stands where it does now: the groups can take in the new ones in document order.
    this.byIdentity.settle();
    this.byTitle.settle();
    this.byCode.settle();
  }

  /**
   * For each entry of each added chunk, the listing that was made for the
   * same entry object in a chunk that left, if any. A keystroke replaces one
   * chunk with its next version: the entries before and after the edit are
   * found in place (`model/keptEntries.ts`); otherwise they are looked up.
   */
  private formerListings(removed: ChunkPlace[], added: ChunkPlace[]): (ChunkListing | undefined)[][] {
    if (removed.length === 1 && added.length === 1) {
      const was = removed[0]!.chunk.alone.entries;
      const now = added[0]!.chunk.alone.entries;
      const listed = this.listed.get(removed[0]!.chunk) ?? [];
      const { prefix, suffix } = keptEntries(was, now);
      const former = new Array<ChunkListing | undefined>(now.length);
      for (let k = 0; k < prefix; k++) former[k] = listed[k];
      for (let k = 1; k <= suffix; k++) former[now.length - k] = listed[listed.length - k];
      return [former];
    }
    const byEntry = new Map<Entry, ChunkListing>();
    if (added.length > 0) for (const place of removed) for (const listed of this.listed.get(place.chunk) ?? []) if (!byEntry.has(listed.listing.entry)) byEntry.set(listed.listing.entry, listed);
    return added.map((at) => at.chunk.alone.entries.map((entry) => byEntry.get(entry)));
  }

  private join({ listing, identity, arxivTitle, codeProjects }: ChunkListing): void {
    if (identity !== undefined) this.byIdentity.add(identity, listing);
    if (arxivTitle) this.byTitle.add(arxivTitle, listing);
    for (const project of codeProjects) this.byCode.add(project, listing);
  }

  private leave({ listing, identity, arxivTitle, codeProjects }: ChunkListing): void {
    if (identity !== undefined) this.byIdentity.remove(identity, listing);
    if (arxivTitle) this.byTitle.remove(arxivTitle, listing);
    for (const project of codeProjects) this.byCode.remove(project, listing);
  }
}

/**
 * Listings under keys, each group in document order; the groups of more
 * than one listing at hand. Listings that join or leave are collected and
 * each group is changed once (`settle`): a paper pasted a thousand times into
 * one list gains a thousand listings in one pass, not one pass per listing.
 */
class Groups {
  private readonly all = new Map<string, PaperGroup>();
  readonly repeated = new Map<string, PaperGroup>();
  private stamps = 0;
  private readonly joining = new Map<string, Listing[]>();
  private readonly leaving = new Map<string, Set<Listing>>();

  add(key: string, listing: Listing): void {
    const listings = this.joining.get(key);
    if (listings) listings.push(listing);
    else this.joining.set(key, [listing]);
  }

  remove(key: string, listing: Listing): void {
    const listings = this.leaving.get(key);
    if (listings) listings.add(listing);
    else this.leaving.set(key, new Set([listing]));
  }

  /** Takes in what joined and left since the last time. */
  settle(): void {
    for (const [key, leaving] of this.leaving) {
      const group = this.all.get(key);
      if (!group) continue;
      const { listings } = group;
      let kept = 0;
      for (const listing of listings) if (!leaving.has(listing)) listings[kept++] = listing;
      if (kept === listings.length) continue;
      listings.length = kept;
      group.stamp = ++this.stamps;
    }
    for (const [key, joining] of this.joining) {
      let group = this.all.get(key);
      if (!group) this.all.set(key, (group = new PaperGroup()));
      joining.sort((a, b) => (a.before(b) ? -1 : b.before(a) ? 1 : 0));
      mergeInto(group.listings, joining);
      group.stamp = ++this.stamps;
    }
    for (const key of [...this.leaving.keys(), ...this.joining.keys()]) {
      const group = this.all.get(key);
      if (!group) continue;
      if (group.listings.length >= 2) this.repeated.set(key, group);
      else this.repeated.delete(key);
      if (group.listings.length === 0) this.all.delete(key);
    }
    this.leaving.clear();
    this.joining.clear();
  }
}

/** `joining` (in document order) merged into `listings` (in document order), in place. */
function mergeInto(listings: Listing[], joining: Listing[]): void {
  const old = listings.slice();
  listings.length = 0;
  let i = 0;
  let j = 0;
  while (i < old.length && j < joining.length) listings.push(joining[j]!.before(old[i]!) ? joining[j++]! : old[i++]!);
  while (i < old.length) listings.push(old[i++]!);
  while (j < joining.length) listings.push(joining[j++]!);
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
