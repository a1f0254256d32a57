import type { PositionMapper } from './positions';
import type { Entry } from './types';

/** `2023/05`, `2024-05`, `2023.5`, `2023-06-23`: a year, a month, perhaps a day, one separator throughout. */
const YEAR_AND_MONTH = /^((?:19|20)\d{2})([-/.])(\d{1,2})(?:\2\d{1,2})?(?!\d)/;

/**
 * Reads a date written from `yearAt` (up to `end`) as the entry's year
 * (its four digits) and, where a month follows, as the entry's `date`. A
 * date tag, a date field of the tail and a table's Date column all read
 * their date here, so that every style gives the same fields.
 */
export function readDate(entry: Entry, text: string, yearAt: number, end: number, map: PositionMapper): void {
  const yearText = text.slice(yearAt, yearAt + 4);
  entry.year = { text: yearText, value: Number(yearText), range: map.range(yearAt, yearAt + 4) };
  delete entry.date;
  const m = YEAR_AND_MONTH.exec(text.slice(yearAt, end));
  if (!m) return;
  const month = Number(m[3]);
  // `2023/13` is not a month: the year alone is read.
  if (month < 1 || month > 12) return;
  entry.date = { text: m[0], year: Number(m[1]), month, range: map.range(yearAt, yearAt + m[0].length) };
}
