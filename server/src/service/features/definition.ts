import type { Location, Position } from 'vscode-languageserver-types';
import { AnchorTargets } from '../rules/anchors';
import { rangeContains } from '../model/positions';
import { decodeFragment } from '../model/slugs';
import type { SurveyDocument } from '../model/types';
import { anchorAt, entryAt, listingsOf } from './underCursor';

/** From a `#fragment` to its heading; from an entry's arXiv link to the paper's other listings. */
export function definition(doc: SurveyDocument, uri: string, position: Position): Location[] {
  const anchor = anchorAt(doc, position);
  if (anchor) {
    const section = AnchorTargets.of(doc).sectionMeant(anchor);
    if (section) return [{ uri, range: section.textRange }];
    const explicit = doc.explicitAnchors.find((a) => a.name === decodeFragment(anchor.fragment));
    return explicit ? [{ uri, range: explicit.range }] : [];
  }
  const entry = entryAt(doc, position);
  if (entry?.arxiv && rangeContains(entry.arxiv.range, position)) {
    return listingsOf(doc, entry).filter((e) => e !== entry).map((e) => ({ uri, range: e.title?.range ?? e.range }));
  }
  return [];
}
