import { arxivIdIssued } from '../model/arxivId';
import type { Entry } from '../model/types';
import type { RuleFinding } from '../engine/rule';
import { entryRule } from './entryRule';

/**
 * How many months a date may stand before the month of its arXiv id. arXiv
 * numbers a paper in the month it announces it: a paper submitted on the
 * last days of a month, or held in moderation for weeks, has the next
 * month's id (or a later one), and lists that date papers by arXiv's
 * "Submitted on" write that earlier month.
 */
const ANNOUNCEMENT_LAG_MONTHS = 3;

/**
 * `year-mismatch`: an entry dated before its arXiv id was issued (`2401.…`
 * is January 2024): a paper cannot be dated before it existed. Only where the
 * venue is arXiv or none is named: a venue's date may well be before the paper
 * was posted to arXiv. A later date is left alone: it may be a later version's
 * or a venue's.
 *
 * - A year after `arXiv` (`arXiv 2022`) is compared with the id's year.
 * - A date with a month (`[2023/05]`, `[2024-05]`, a Date column) is compared
 *   with the id's month, allowing for arXiv's announcement lag.
 * - A year alone without a venue (a Year column's `2022`) is left alone: it is
 *   often the year of a conference the paper went to before it reached arXiv.
 */
export const yearMismatch = entryRule('year-mismatch', (entry) => {
  if (!entry.year || !entry.arxiv) return [];
  const issued = arxivIdIssued(entry.arxiv.id);
  if (!issued) return [];
  const venue = entry.venue?.text.trim();
  if (venue !== undefined && !/^arxiv$/i.test(venue)) return [];
  if (entry.date) return dateBeforeId(entry.date, entry.arxiv.id, issued);
  // A year alone with no venue (a table's Year column) is often the year of a conference the paper
  // went to before it reached arXiv: only a year the entry gives to arXiv is held to the id's.
  if (venue === undefined) return [];
  return yearBeforeId(entry.year, entry.arxiv.id, issued.year);
});

function yearBeforeId(year: NonNullable<Entry['year']>, id: string, expected: number): RuleFinding[] {
  if (year.value >= expected) return [];
  return [
    {
      range: year.range,
      message: `Year ${year.value} differs from the year of arXiv ${id}: expected ${expected}.`,
      // `arXiv'22` is written with two digits: the fix keeps the form.
      fixes: [{ title: `Change to ${expected}`, edits: [{ range: year.range, newText: year.text.length === 2 ? String(expected).slice(2) : String(expected) }], safe: true, isPreferred: true }],
    },
  ];
}

/** `date` is a written date, or a year alone standing for its December. */
function dateBeforeId(date: NonNullable<Entry['date']>, id: string, issued: { year: number; month: number }): RuleFinding[] {
  const lag = issued.year * 12 + issued.month - (date.year * 12 + date.month);
  if (lag <= ANNOUNCEMENT_LAG_MONTHS) return [];
  const separator = /^\d{4}([-/.])/.exec(date.text)?.[1];
  const yearOnly = separator === undefined;
  const monthText = (m: number) => (/^\d{4}.\d\b/.test(date.text) && m < 10 ? String(m) : String(m).padStart(2, '0'));
  const issuedText = `${issued.year}/${String(issued.month).padStart(2, '0')}`;
  // The id's month in the date's own form (`2023-9` stays one digit); a day is dropped, arXiv's id does not give it.
  const replacement = yearOnly ? String(issued.year) : `${issued.year}${separator}${monthText(issued.month)}`;
  return [
    {
      range: date.range,
      message: `Date ${date.text} is before arXiv ${id} was issued (${issuedText}).`,
      // Offered, never applied unseen: the right date may be a later version's or a venue's.
      fixes: [{ title: `Change to ${replacement}`, edits: [{ range: date.range, newText: replacement }], safe: false }],
    },
  ];
}
