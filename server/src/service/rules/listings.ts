import { sectionAt } from '../model/assemble';
import { paperIdentity } from '../model/identity';
import type { Entry, SurveyDocument } from '../model/types';
import { lineOf } from './rule';

/** One place a paper is listed, with the section it is listed under. */
export interface Listing {
  entry: Entry;
  section: string | undefined;
}

/**
 * Every paper listed more than once, keyed by identity, with its listings in
 * document order. Shared by the rules that compare listings of one paper.
 */
export function listingsByPaper(doc: SurveyDocument): Map<string, Listing[]> {
  const all = new Map<string, Listing[]>();
  for (const entry of doc.entries) {
    const identity = paperIdentity(entry);
    if (!identity) continue;
    let listings = all.get(identity);
    if (!listings) all.set(identity, (listings = []));
    listings.push({ entry, section: sectionAt(doc, entry.range.start)?.text });
  }
  for (const [identity, listings] of all) if (listings.length < 2) all.delete(identity);
  return all;
}

/** `line 161`, `lines 161 and 256`, `lines 12, 40 and 77`. */
export function describeLines(entries: Entry[]): string {
  const lines = entries.map((e) => String(lineOf(e.range)));
  if (lines.length === 1) return `line ${lines[0]}`;
  return `lines ${lines.slice(0, -1).join(', ')} and ${lines[lines.length - 1]}`;
}
