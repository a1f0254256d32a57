import { arxivIdYear } from '../model/arxivId';
import { entryRule } from './entryRule';

/**
 * `year-mismatch`: an entry cited as an arXiv preprint whose year is before
 * the year its arXiv id was issued (`2401.…` → 2024): a paper cannot be dated
 * before it existed. A later year is left alone: it may be a later version's.
 */
export const yearMismatch = entryRule('year-mismatch', (entry) => {
  if (!entry.year || !entry.arxiv || !entry.venue || !/^arxiv$/i.test(entry.venue.text.trim())) return [];
  const expected = arxivIdYear(entry.arxiv.id);
  if (expected === undefined || entry.year.value >= expected) return [];
  return [
    {
      range: entry.year.range,
      message: `Year ${entry.year.value} differs from the year of arXiv ${entry.arxiv.id}: expected ${expected}.`,
      // `arXiv'22` is written with two digits: the fix keeps the form.
      fixes: [{ title: `Change to ${expected}`, edits: [{ range: entry.year.range, newText: entry.year.text.length === 2 ? String(expected).slice(2) : String(expected) }], safe: true, isPreferred: true }],
    },
  ];
});
