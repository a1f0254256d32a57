import { normalizeText, titlesClearlyDiffer } from '../model/identity';
import type { Entry } from '../model/types';
import { describeLines } from './listings';
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
    const byTitle = new Map<string, Entry[]>();
    const byId = new Map<string, Entry[]>();
    for (const entry of doc.entries) {
      if (!entry.arxiv || !entry.title) continue;
      push(byTitle, normalizeText(entry.title.text), entry);
      push(byId, entry.arxiv.id, entry);
    }
    for (const entries of byTitle.values()) {
      const first = entries[0]!;
      const others = entries.filter((e) => e.arxiv!.id !== first.arxiv!.id);
      for (const entry of others) {
        const agreeing = entries.filter((e) => e.arxiv!.id === first.arxiv!.id);
        findings.push({
          range: entry.arxiv!.range,
          message: `The same title is listed with arXiv ${first.arxiv!.id} on ${describeLines(agreeing)}, but with ${entry.arxiv!.id} here: one of the ids names another paper.`,
          relatedInformation: agreeing.map((e) => relatedAt(uri, e.arxiv!.range, `Listed with arXiv ${e.arxiv!.id}`)),
          fixes: [],
        });
      }
    }
    for (const entries of byId.values()) {
      const first = entries[0]!;
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

function push(map: Map<string, Entry[]>, key: string, entry: Entry): void {
  const list = map.get(key);
  if (list) list.push(entry);
  else map.set(key, [entry]);
}
