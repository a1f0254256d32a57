import { arxivIdYear } from '../model/arxivId';
import { entryRule } from './entryRule';

/**
 * `year-mismatch`: an entry cited as an arXiv preprint whose year is not the
 * year its arXiv id was issued (`2401.…` → 2024). A preprint's year is its
 * id's year; a different one is a typo or belongs to another venue.
 */
export const yearMismatch = entryRule('year-mismatch', (entry) => {
  if (!entry.year || !entry.arxiv || !entry.venue || !/^arxiv$/i.test(entry.venue.text.trim())) return [];
  const expected = arxivIdYear(entry.arxiv.id);
  if (expected === undefined || expected === entry.year.value) return [];
  return [
    {
      range: entry.year.range,
      message: `Year ${entry.year.value} differs from the year of arXiv ${entry.arxiv.id}: expected ${expected}.`,
      fixes: [{ title: `Change to ${expected}`, edits: [{ range: entry.year.range, newText: String(expected) }], safe: true, isPreferred: true }],
    },
  ];
});
