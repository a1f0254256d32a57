import type { Location, Position } from 'vscode-languageserver-types';
import type { SurveyDocument } from '../model/types';
import { entryAt, headingAt, linksTo, listingsOf } from './underCursor';

/** On a heading, every link to it; on an entry, every listing of the same paper. */
export function references(doc: SurveyDocument, uri: string, position: Position, includeDeclaration: boolean): Location[] {
  const heading = headingAt(doc, position);
  if (heading?.slug) {
    const links = linksTo(doc, heading).map((a) => ({ uri, range: a.range }));
    return includeDeclaration ? [{ uri, range: heading.textRange }, ...links] : links;
  }
  const entry = entryAt(doc, position);
  if (entry) return listingsOf(doc, entry).filter((e) => includeDeclaration || e !== entry).map((e) => ({ uri, range: e.title?.range ?? e.range }));
  return [];
}
