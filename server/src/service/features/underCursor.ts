import type { Position } from 'vscode-languageserver-types';
import { AnchorTargets } from '../rules/anchors';
import { paperIdentity } from '../model/identity';
import { rangeContains } from '../model/positions';
import type { AnchorRef, Entry, Section, SurveyDocument } from '../model/types';

/** What the navigation features look up under the cursor, and the places that belong together. */

/** The `#fragment` under the cursor, if any. */
export function anchorAt(doc: SurveyDocument, position: Position): AnchorRef | undefined {
  return doc.anchors.find((a) => rangeContains(a.range, position));
}

/** The heading whose text (or line) holds the cursor. */
export function headingAt(doc: SurveyDocument, position: Position): Section | undefined {
  return doc.sections.find((s) => s.kind === 'heading' && rangeContains(s.range, position));
}

export function entryAt(doc: SurveyDocument, position: Position): Entry | undefined {
  return doc.entries.find((e) => rangeContains(e.range, position));
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

/** Every listing of the paper `entry` names, itself included. */
export function listingsOf(doc: SurveyDocument, entry: Entry): Entry[] {
  const identity = paperIdentity(entry);
  return identity ? doc.entries.filter((e) => paperIdentity(e) === identity) : [entry];
}
