import type { TextEdit } from 'vscode-languageserver-types';
import type { CachedChunk } from '../model/chunkCache';
import { titlesClearlyDiffer } from '../model/identity';
import { wholeLines } from '../model/positions';
import type { Entry, ListBlock } from '../model/types';
import { GroupFindings } from '../engine/groupFindings';
import type { RuleMemory } from '../engine/ruleMemory';
import { relatedAt, type DocumentRule, type Fix } from '../engine/rule';

/**
 * `duplicate-entry`: the same paper twice in one section (by arXiv id, DOI,
 * paper URL or title; see `model/identity.ts`). The same paper under two
 * sections is normal in a survey and is left to `inconsistent-listing`.
 */
export const duplicateEntry: DocumentRule = {
  scope: 'document',
  code: 'duplicate-entry',
  check(survey, { uri }, memory) {
    return duplicates(memory).all(survey.papers.repeated, survey, uri);
  },
};

/** A listing repeated in the section of an earlier one (indices into the group). */
interface Repeat {
  repeat: number;
  first: number;
}

const duplicates = (memory: RuleMemory) =>
  memory.get('duplicates', () =>
    new GroupFindings<Repeat[]>(
  (listings) => {
    const repeats: Repeat[] = [];
    const firsts: number[] = [];
    listings.forEach((listing, index) => {
      const first = firsts.find((f) => listings[f]!.sameSection(listing));
      if (first === undefined) return void firsts.push(index);
      const a = listings[first]!.entry;
      const b = listing.entry;
      // One id under two clearly different titles is a wrong id, not a repeat: `conflicting-identity` says so.
      if (a.title && b.title && titlesClearlyDiffer(a.title.text, b.title.text)) return;
      // A table row names a thing made in a paper (a dataset, a benchmark): two rows, or a bullet for the
      // paper and a row for its dataset, cite one paper without listing it twice.
      if (a.row || b.row) return;
      repeats.push({ repeat: index, first });
    });
    return repeats;
  },
  (repeats, listings, uri) =>
    repeats.map(({ repeat, first }) => {
      const listing = listings[repeat]!;
      const original = listings[first]!;
      const where = listing.section ? ` under "${listing.section.text}"` : '';
      // The fix renumbers the items after it: it is made from the list as it is now.
      const place = placeInList(listing.chunk, listing.entry);
      return {
        range: listing.place(listing.entry.title?.range ?? listing.entry.range),
        message: `Duplicate entry: this paper is already listed on line ${original.line}${where}.`,
        relatedInformation: [relatedAt(uri, original.place(original.entry.title?.range ?? original.entry.range), 'First listed here')],
        fixes: place ? [listing.placeFix(removeFix(place.list, place.index))] : [],
      };
    }),
),
  );

/** The list holding an entry of a chunk, and the entry's index in it. */
function placeInList(chunk: CachedChunk, entry: Entry): { list: ListBlock; index: number } | undefined {
  let places = listPlaces.get(chunk);
  if (!places) {
    places = new Map();
    for (const list of chunk.alone.lists) {
      list.items.forEach((item, index) => {
        if (item.entry && !places!.has(item.entry)) places!.set(item.entry, { list, index });
      });
    }
    listPlaces.set(chunk, places);
  }
  return places.get(entry);
}

/** Where each entry of a chunk stands in its lists, once per chunk: a paper pasted a thousand times asks a thousand times. */
const listPlaces = new WeakMap<CachedChunk, Map<Entry, { list: ListBlock; index: number }>>();

/**
 * Deletes the item's lines and moves the numbers after it up by one, where
 * they ran on from it (a list of all `1.` keeps its numbers), for at most
 * `MAX_RENUMBERED` items: the same paper pasted N times into one list has N
 * findings, and N fixes each renumbering every item after it would be N²
 * edits, made again on every keystroke. Past that, the gap left is
 * `list-numbering`'s, whose one fix renumbers the list.
 */
function removeFix(list: ListBlock, index: number): Fix {
  const removed = list.items[index]!;
  const edits: TextEdit[] = [{ range: wholeLines(removed.range), newText: '' }];
  const from = removed.marker.number;
  if (from !== undefined) {
    list.items.slice(index + 1, index + 1 + MAX_RENUMBERED).forEach((item, k) => {
      if (item.marker.number === from + k + 1) edits.push({ range: item.marker.numberRange!, newText: String(item.marker.number - 1) });
    });
  }
  // Removing a listing is a decision about content: offered, never applied unseen.
  return { title: 'Remove duplicate entry', edits, safe: false, isPreferred: true };
}

/** How many items after a removed duplicate its fix renumbers. */
export const MAX_RENUMBERED = 100;
