import type { Location, Position } from 'vscode-languageserver-types';
import { AnchorTargets } from './rules/anchors';
import { paperIdentity } from './model/identity';
import { rangeContains } from './model/positions';
import type { AnchorRef, Entry, Section, SurveyDocument } from './model/types';

/** The `#fragment` under the cursor, if any. */
export function anchorAt(doc: SurveyDocument, position: Position): AnchorRef | undefined {
  return doc.anchors.find((a) => rangeContains(a.range, position));
}

/** The heading whose text (or line) holds the cursor. */
export function headingAt(doc: SurveyDocument, position: Position): Section | undefined {
  return doc.sections.find((s) => s.kind === 'heading' && rangeContains(s.range, position));
}

function entryAt(doc: SurveyDocument, position: Position): Entry | undefined {
  return doc.entries.find((e) => rangeContains(e.range, position));
}

/** From a `#fragment` to its heading; from an entry's arXiv link to the paper's other listings. */
export function definition(doc: SurveyDocument, uri: string, position: Position): Location[] {
  const anchor = anchorAt(doc, position);
  if (anchor) {
    const section = AnchorTargets.of(doc).sectionMeant(anchor);
    if (section) return [{ uri, range: section.textRange }];
    const explicit = doc.explicitAnchors.find((a) => a.name === decode(anchor.fragment));
    return explicit ? [{ uri, range: explicit.range }] : [];
  }
  const entry = entryAt(doc, position);
  if (entry?.arxiv && rangeContains(entry.arxiv.range, position)) {
    return listingsOf(doc, entry).filter((e) => e !== entry).map((e) => ({ uri, range: e.title?.range ?? e.range }));
  }
  return [];
}

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

/**
 * The anchors meant for `heading`: those that lead to it, and those that
 * miss it only by case or a typo (`#top-k-selectiong`), which a rename then
 * repairs.
 */
export function linksTo(doc: SurveyDocument, heading: Section): AnchorRef[] {
  const targets = AnchorTargets.of(doc);
  return doc.anchors.filter((a) => targets.sectionMeant(a) === heading);
}

function listingsOf(doc: SurveyDocument, entry: Entry): Entry[] {
  const identity = paperIdentity(entry);
  return identity ? doc.entries.filter((e) => paperIdentity(e) === identity) : [entry];
}

function decode(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

