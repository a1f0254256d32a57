import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, TextEdit } from 'vscode-languageserver-types';
import { arxivRefsInLine } from '../model/arxivRefs';
import { listAround, styleOf, type EntryStyle } from './entryStyle';
import { lineText } from '../model/lines';
import { sectionAt } from '../model/assemble';
import { arxivIdYear, canonicalAbsUrl } from '../model/arxivId';
import { comparePositions, rangeOnLine } from '../model/positions';
import type { SurveyDocument } from '../model/types';
import type { ArxivRecord } from '../metadata';

export type InsertResult = { kind: 'edit'; edits: TextEdit[]; line: number } | { kind: 'message'; message: string };

/** A line that holds nothing but an arXiv URL (or `arXiv:ID`), perhaps after a list marker: what to replace with an entry. */
export function bareArxivLine(document: TextDocument, line: number): string | undefined {
  const text = lineText(document, line);
  const refs = arxivRefsInLine(text, line);
  if (refs.length !== 1) return undefined;
  const ref = refs[0]!;
  const rest = text.slice(0, ref.range.start.character) + text.slice(ref.range.end.character);
  // Spaces, perhaps a list marker, then spaces and `<` `>`; written so that no run of spaces can be split two ways.
  return /^\s*(?:(?:\d{1,9}[.)]|[-*+<>])[<>\s]*)?$/.test(rest) ? ref.id : undefined;
}

/**
 * An entry for `record` in the style of the list around `position`, with the
 * next number: it replaces a line holding only the paper's URL, or goes on a
 * new line after the item at the cursor (later numbers move up by one). A
 * paper already listed in the section is pointed at instead.
 */
export function insertPaper(document: TextDocument, doc: SurveyDocument, position: Position, record: ArxivRecord): InsertResult {
  const section = sectionAt(doc, position);
  const already = doc.entries.find((e) => e.arxiv?.id === record.id && sectionAt(doc, e.range.start) === section);
  if (already) {
    return { kind: 'message', message: `arXiv ${record.id} is already listed on line ${already.range.start.line + 1}${section ? ` under "${section.text}"` : ''}.` };
  }
  const replacing = bareArxivLine(document, position.line) === record.id;
  const list = listAround(doc, position, section);
  const style = styleOf(document, list);
  const items = list?.items ?? [];
  const before = items.filter((i) => comparePositions(i.range.start, position) <= 0 && !(replacing && i.range.start.line === position.line));
  const previous = before[before.length - 1];
  const number = list?.ordered ? (previous?.marker.number ?? 0) + 1 : undefined;
  const line = `${' '.repeat(style.indent)}${number !== undefined ? `${number}${style.delimiter}` : style.delimiter} ${entryText(record, style)}`;

  const edits: TextEdit[] = [];
  let at: number;
  if (replacing) {
    at = position.line;
    edits.push({ range: rangeOnLine(at, 0, lineText(document, at).length), newText: line });
  } else {
    const after = previous ? previous.range.end.line : position.line;
    at = after + 1;
    const eol = document.getText().includes('\r\n') ? '\r\n' : '\n';
    edits.push({ range: rangeOnLine(after, lineText(document, after).length, lineText(document, after).length), newText: `${eol}${line}` });
  }
  if (number !== undefined) {
    // The items after the new one move up by one where they ran on from it.
    items
      .filter((i) => !before.includes(i) && !(replacing && i.range.start.line === position.line))
      .forEach((item, k) => {
        if (item.marker.number === number + k) edits.push({ range: item.marker.numberRange!, newText: String(number + k + 1) });
      });
  }
  return { kind: 'edit', edits, line: at };
}

function entryText(record: ArxivRecord, style: EntryStyle): string {
  const title = record.title.replace(/\s+/g, ' ').trim().replace(/[.]$/, '');
  const year = record.published?.slice(0, 4) ?? String(arxivIdYear(record.id) ?? '');
  const link = `[paper](${canonicalAbsUrl(record.id)})`;
  const parts = [style.boldTitle ? `**${title}.**` : `${title}.`];
  if (style.authors && record.authors.length > 0) parts.push(`${style.authors}${citedAuthors(record.authors)}${style.authors}`);
  parts.push(`arXiv ${year}.`.replace(' .', '.'));
  parts.push(style.grouped ? `[${link}]` : link);
  return parts.join(' ');
}

/** `Surname, I. et al.` from the first author's full name, as the reference survey cites. */
export function citedAuthors(authors: string[]): string {
  const names = authors[0]!.trim().split(/\s+/);
  const surname = names.pop()!;
  const initials = names.map((n) => `${[...n][0]!.toUpperCase()}.`).join(' ');
  const first = initials ? `${surname}, ${initials}` : surname;
  return authors.length > 1 ? `${first} et al.` : first;
}
