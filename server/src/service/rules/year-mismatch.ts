import { arxivIdYear } from '../model/arxivId';
import type { Rule, RuleFinding } from './rule';

/**
 * `year-mismatch`: an entry cited as an arXiv preprint whose year is not the
 * year its arXiv id was issued (`2401.…` → 2024). A preprint's year is its
 * id's year; a different one is a typo or belongs to another venue.
 */
export const yearMismatch: Rule = {
  code: 'year-mismatch',
  check(doc) {
    const findings: RuleFinding[] = [];
    for (const entry of doc.entries) {
      if (!entry.year || !entry.arxiv || !entry.venue || !/^arxiv$/i.test(entry.venue.text.trim())) continue;
      const expected = arxivIdYear(entry.arxiv.id);
      if (expected === undefined || expected === entry.year.value) continue;
      findings.push({
        range: entry.year.range,
        message: `Year ${entry.year.value} differs from the year of arXiv ${entry.arxiv.id}: expected ${expected}.`,
        fixes: [{ title: `Change to ${expected}`, edits: [{ range: entry.year.range, newText: String(expected) }], safe: true, isPreferred: true }],
      });
    }
    return findings;
  },
};
