import { normalizedTitle, titlesClearlyDiffer } from '../model/identity';
import type { Entry } from '../model/types';
import { MAX_NAMED, describeLines, listingsByPaper } from './listings';
import { lineOf, relatedAt, type Rule, type RuleFinding } from './rule';

/**
 * `conflicting-identity`: one title with two different arXiv ids, or one
 * arXiv id with clearly different titles. One of the two links names the
 * wrong paper, which readers only find out by clicking it.
 */
export const conflictingIdentity: Rule = {
  code: 'conflicting-identity',
  check(doc, { uri }) {
    const findings: RuleFinding[] = [];
    const byTitle = new Repeats();
    for (const entry of doc.entries) if (entry.arxiv && entry.title) byTitle.add(normalizedTitle(entry)!, entry);
    for (const entries of byTitle.groups.values()) {
      const first = entries[0]!;
      if (entries.every((e) => e.arxiv!.id === first.arxiv!.id)) continue;
      const agreeing = entries.filter((e) => e.arxiv!.id === first.arxiv!.id);
      const related = agreeing.slice(0, MAX_NAMED).map((e) => relatedAt(uri, e.arxiv!.range, `Listed with arXiv ${e.arxiv!.id}`));
      for (const entry of entries) {
        if (entry.arxiv!.id === first.arxiv!.id) continue;
        findings.push({
          range: entry.arxiv!.range,
          message: `The same title is listed with arXiv ${first.arxiv!.id} on ${describeLines(agreeing)}, but with ${entry.arxiv!.id} here: one of the ids names another paper.`,
          relatedInformation: related,
          fixes: [],
        });
      }
    }
    // Listings of one paper share its arXiv id (the identity's first choice): compare their titles.
    for (const listings of listingsByPaper(doc).values()) {
      const entries = listings.map((l) => l.entry).filter((e) => e.arxiv && e.title);
      const first = entries[0];
      if (!first) continue;
      for (const entry of entries.slice(1)) {
        if (!titlesClearlyDiffer(first.title!.text, entry.title!.text)) continue;
        findings.push({
          range: entry.title!.range,
          message: `arXiv ${entry.arxiv!.id} is listed as "${first.title!.text}" on line ${lineOf(first.range)}, but as "${entry.title!.text}" here: one of the links names the wrong paper.`,
          relatedInformation: [relatedAt(uri, first.title!.range, `Listed as "${first.title!.text}"`)],
          fixes: [],
        });
      }
    }
    return findings;
  },
};

/** Entries under a key, kept only for keys seen more than once (most titles and ids are seen once). */
class Repeats {
  private readonly first = new Map<string, Entry>();
  readonly groups = new Map<string, Entry[]>();

  add(key: string, entry: Entry): void {
    const earlier = this.first.get(key);
    if (!earlier) return void this.first.set(key, entry);
    const group = this.groups.get(key);
    if (group) group.push(entry);
    else this.groups.set(key, [earlier, entry]);
  }
}
