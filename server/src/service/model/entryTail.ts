import { readDate } from './entryDate';
import type { PositionMapper } from './positions';
import type { Entry } from './types';

/**
 * The venue and year between the authors (or title) and the links, in the
 * styles lists use: ` arXiv 2023. `, ` [2022-04] [ICPC 2022] `,
 * `, 2023-03, arXiv, `, `(EMNLP 2023)`, `ICLR'24`, `NeurIPS2023`. A year inside a venue name (`Proceedings of the
 * 2020 Conference …`) is not taken for the year; a date field (`2022-04`) is.
 */
export function readVenueAndYear(entry: Entry, text: string, from: number, to: number, map: PositionMapper): void {
  for (const [partStart, partEnd] of tailParts(text, from, to)) {
    let s = partStart;
    let e = partEnd;
    // Stray emphasis marks count as punctuation here: `*Authors et al. *arXiv 2021` has venue `arXiv`;
    // so do non-breaking spaces written `&nbsp;` before a badge.
    for (;;) {
      if (s < e && /[\s.,:;*_]/.test(text[s]!)) s++;
      else if (text.startsWith('&nbsp;', s) && s + 6 <= e) s += 6;
      else break;
    }
    for (;;) {
      if (e - 6 >= s && text.startsWith('&nbsp;', e - 6)) e -= 6;
      else if (e > s && /[\s.,:;*_]/.test(text[e - 1]!)) e--;
      else break;
    }
    if (s >= e) continue;
    // `(EMNLP 2023)`, `（AAAI 2024）`: a venue in parentheses is read without them.
    if (/[(（]/.test(text[s]!) && /[)）]/.test(text[e - 1]!)) {
      s++;
      e--;
    }
    const segment = text.slice(s, e);
    if (/^(?:19|20)\d{2}(?:[-/.]\d{1,2}){0,2}$/.test(segment)) {
      if (!entry.year) readDate(entry, text, s, e, map);
      continue;
    }
    if (entry.venue) continue;
    const year = /(?:^|[\s,(])((?:19|20)\d{2})\)?$/.exec(segment);
    if (year) {
      const yStart = s + year.index + year[0].indexOf(year[1]!);
      entry.year ??= { text: year[1]!, value: Number(year[1]), range: map.range(yStart, yStart + 4) };
      e = s + year.index;
      while (e > s && /[\s.,:;(]/.test(text[e - 1]!)) e--;
    } else {
      // `ICLR'24`, `ACL’23`: a venue with a two-digit year.
      const short = /^(\p{L}[\p{L}\d-]*)['’](\d{2})$/u.exec(segment);
      // `NeurIPS2023`, `Findings of EMNLP2023`: an acronym with its year written onto it.
      const glued = short ? undefined : /(?:^|\s)([A-Z][A-Za-z]+)((?:19|20)\d{2})$/.exec(segment);
      if (short) {
        const yStart = s + short[1]!.length + 1;
        entry.year ??= { text: short[2]!, value: 2000 + Number(short[2]), range: map.range(yStart, yStart + 2) };
        e = s + short[1]!.length;
      } else if (glued && (glued[1]!.match(/[A-Z]/g)?.length ?? 0) >= 2) {
        const yStart = e - 4;
        entry.year ??= { text: glued[2]!, value: Number(glued[2]), range: map.range(yStart, e) };
        e = yStart;
      }
    }
    if (e > s) entry.venue = { text: text.slice(s, e), range: map.range(s, e) };
  }
}

/** The fields of the tail: `[…]` groups and the text between them, or comma-separated fields when a date is among them. */
function tailParts(text: string, from: number, to: number): [number, number][] {
  const segment = text.slice(from, to);
  if (segment.includes('[')) {
    return [...segment.matchAll(/\[([^[\]]*)\]|[^[\]]+/g)].map((m) => (m[1] !== undefined ? [from + m.index + 1, from + m.index + 1 + m[1].length] : [from + m.index, from + m.index + m[0].length]));
  }
  if (/\b(?:19|20)\d{2}-\d{2}\b/.test(segment)) {
    return [...segment.matchAll(/[^,]+/g)].map((m) => [from + m.index, from + m.index + m[0].length]);
  }
  return [[from, to]];
}
