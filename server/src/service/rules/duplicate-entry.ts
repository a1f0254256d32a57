import type { TextEdit } from 'vscode-languageserver-types';
import { titlesClearlyDiffer } from '../model/identity';
import { wholeLines } from '../model/positions';
import type { Entry, ListBlock, Section, SurveyDocument } from '../model/types';
import { listingsByPaper } from './listings';
import { lineOf, relatedAt, type Fix, type Rule, type RuleFinding } from './rule';

/**
 * `duplicate-entry`: the same paper twice in one section (by arXiv id, DOI,
 * paper URL or title; see `model/identity.ts`). The same paper under two
 * sections is normal in a survey and is left to `inconsistent-listing`.
 */
export const duplicateEntry: Rule = {
  code: 'duplicate-entry',
  check(doc, { uri }) {
    const findings: RuleFinding[] = [];
    let places: Map<Entry, { list: ListBlock; index: number }> | undefined;
    for (const listings of listingsByPaper(doc).values()) {
      const firstIn = new Map<Section | undefined, Entry>();
      for (const { entry, section } of listings) {
        const first = firstIn.get(section);
        if (!first) {
          firstIn.set(section, entry);
          continue;
        }
        // One id under two clearly different titles is a wrong id, not a repeat: `conflicting-identity` says so.
        if (first.title && entry.title && titlesClearlyDiffer(first.title.text, entry.title.text)) continue;
        const where = section ? ` under "${section.text}"` : '';
        const finding: RuleFinding = {
          range: entry.title?.range ?? entry.range,
          message: `Duplicate entry: this paper is already listed on line ${lineOf(first.range)}${where}.`,
          relatedInformation: [relatedAt(uri, first.title?.range ?? first.range, 'First listed here')],
          fixes: [],
        };
        places ??= listPlaces(doc);
        const place = places.get(entry);
        if (place) finding.fixes.push(removeFix(place.list, place.index));
        findings.push(finding);
      }
    }
    return findings;
  },
};

function listPlaces(doc: SurveyDocument): Map<Entry, { list: ListBlock; index: number }> {
  const places = new Map<Entry, { list: ListBlock; index: number }>();
  for (const list of doc.lists) list.items.forEach((item, index) => item.entry && places.set(item.entry, { list, index }));
  return places;
}

/**
 * Deletes the item's lines and moves the numbers after it up by one, where
 * they ran on from it (a list of all `1.` keeps its numbers).
 */
function removeFix(list: ListBlock, index: number): Fix {
  const removed = list.items[index]!;
  const edits: TextEdit[] = [{ range: wholeLines(removed.range), newText: '' }];
  const from = removed.marker.number;
  if (from !== undefined) {
    list.items.slice(index + 1).forEach((item, k) => {
      if (item.marker.number === from + k + 1) edits.push({ range: item.marker.numberRange!, newText: String(item.marker.number - 1) });
    });
  }
  // Removing a listing is a decision about content: offered, never applied unseen.
  return { title: 'Remove duplicate entry', edits, safe: false, isPreferred: true };
}
