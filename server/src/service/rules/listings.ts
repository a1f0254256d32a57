import { sectionAt } from '../model/assemble';
import { paperIdentity } from '../model/identity';
import type { Entry, Section, SurveyDocument } from '../model/types';
import { lineOf } from './rule';

/** One place a paper is listed, with the section it is listed under. */
export interface Listing {
  entry: Entry;
  section: Section | undefined;
}

/**
 * Every paper listed more than once, keyed by identity, with its listings in
 * document order. Built once per parsed document and shared by the rules that
 * compare listings of one paper (duplicate-entry, inconsistent-listing).
 */
export function listingsByPaper(doc: SurveyDocument): Map<string, Listing[]> {
  let known = repeatedPapers.get(doc);
  if (!known) repeatedPapers.set(doc, (known = groupListings(doc)));
  return known;
}

const repeatedPapers = new WeakMap<SurveyDocument, Map<string, Listing[]>>();

function groupListings(doc: SurveyDocument): Map<string, Listing[]> {
  // Most papers are listed once: remember the first listing alone, and make a group only on a repeat.
  const first = new Map<string, Entry>();
  const repeated = new Map<string, Entry[]>();
  for (const entry of doc.entries) {
    const identity = paperIdentity(entry);
    if (!identity) continue;
    const earlier = first.get(identity);
    if (!earlier) first.set(identity, entry);
    else {
      const group = repeated.get(identity);
      if (group) group.push(entry);
      else repeated.set(identity, [earlier, entry]);
    }
  }
  const listings = new Map<string, Listing[]>();
  for (const [identity, entries] of repeated) listings.set(identity, entries.map((entry) => ({ entry, section: sectionAt(doc, entry.range.start) })));
  return listings;
}

/** `line 161`, `lines 161 and 256`, `lines 12, 40 and 77`. */
export function describeLines(entries: Entry[]): string {
  const lines = entries.slice(0, MAX_NAMED).map((e) => String(lineOf(e.range)));
  if (entries.length > MAX_NAMED) return `lines ${lines.join(', ')} and ${entries.length - MAX_NAMED} more`;
  if (lines.length === 1) return `line ${lines[0]}`;
  return `lines ${lines.slice(0, -1).join(', ')} and ${lines[lines.length - 1]}`;
}

/** How many other places a message or its related information names; past that they add length, not help. */
export const MAX_NAMED = 10;
