import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver-types';
import { sectionAt } from '../model/assemble';
import { comparePositions, pointAt } from '../model/positions';
import type { ListBlock, ListItem, SurveyDocument } from '../model/types';

/** How a list writes its entries, so that a new entry (inserted or completed) looks like its neighbours. */
export interface EntryStyle {
  indent: number;
  delimiter: string;
  boldTitle: boolean;
  authors: '_' | '*' | undefined;
  grouped: boolean;
}

export const REFERENCE_STYLE: EntryStyle = { indent: 0, delimiter: '.', boldTitle: false, authors: '_', grouped: true };

/** How the list's first complete entry is written; the reference survey's style when there is none. */
export function styleOf(document: TextDocument, list: ListBlock | undefined): EntryStyle {
  const item = list?.items.find((i) => i.entry?.title && i.entry.links.length > 0);
  if (!list || !item?.entry) return REFERENCE_STYLE;
  const entry = item.entry;
  const charBefore = (p: Position, n = 1) => document.getText({ start: pointAt(p.line, Math.max(0, p.character - n)), end: p });
  return {
    indent: item.range.start.character,
    delimiter: item.marker.delimiter || '.',
    boldTitle: charBefore(entry.title!.range.start, 2).includes('*'),
    authors: entry.authors ? (charBefore(entry.authors.range.start) === '*' ? '*' : '_') : undefined,
    grouped: charBefore(entry.links[0]!.range.start) === '[',
  };
}

/** The list that holds `position`, or the last one above it in the same section; a table of papers is not a list to write an entry into. */
export function listAround(doc: SurveyDocument, position: Position, section: ReturnType<typeof sectionAt>): ListBlock | undefined {
  let found: ListBlock | undefined;
  for (const list of doc.lists) {
    if (list.depth > 0 || list.table || !list.items.some((i: ListItem) => i.entry)) continue;
    if (comparePositions(list.range.start, position) > 0) break;
    if (sectionAt(doc, list.range.start) === section) found = list;
  }
  return found;
}

