import { anchorName, AnchorTargets, spelledBy } from './anchors';
import { outlineRule } from '../engine/outlineRule';
import { relatedAt, type Fix, type RuleFinding } from '../engine/rule';
import { smallestChange } from './smallestChange';
import { rangeContains } from '../model/positions';
import { UniqueSlugs } from '../model/slugs';
import type { Section, SurveyOutline } from '../model/types';

/**
 * `broken-anchor`: a `#fragment` (Markdown link or HTML `href`, as tables of
 * contents in `<details>` use) that leads to no heading and no explicit
 * anchor. On GitHub such a link silently does nothing. A typo is repaired
 * unseen only where the link's text says the fragment is the misspelled side;
 * where the text spells the fragment, the heading may be the side that
 * changed, and renaming it back is offered too.
 */
export const brokenAnchor = outlineRule('broken-anchor', (outline, { uri }) => {
  const targets = AnchorTargets.of(outline);
  const findings: RuleFinding[] = [];
  for (const ref of outline.anchors) {
    if (ref.fragment === '' || ref.fragment === 'top') continue;
    const found = targets.resolve(ref);
    if (found.kind === 'exact') continue;
    if (found.kind === 'case') {
      findings.push({
        range: ref.range,
        message: `Anchor #${ref.fragment} differs from #${found.target} only in case: github.com's page script forgives that, but npm, GitLab, PyPI and VS Code's preview do not, so the link leads nowhere there.`,
        ...(found.section ? { relatedInformation: [relatedAt(uri, found.section.textRange, `Heading "${found.section.text}"`)] } : {}),
        fixes: [{ title: `Change to #${found.target}`, edits: [{ range: ref.range, newText: found.target }], safe: true, isPreferred: true }],
      });
    } else if (found.kind === 'closest') {
      // Which side has the typo shows in the link's text: "Top-K Selection" spells the heading, so #top-k-selectiong
      // is the typo; "Image Augmentation" spells #image-augmentation, so the heading may be what changed, and
      // renaming it back is offered beside the link's change. Without the text's word, neither is applied unseen.
      const spellsFragment = ref.label === undefined ? undefined : spelledBy(ref.label, anchorName(ref));
      // A link in the heading itself (`## [Contenet](#content)`) has the heading's text: no second witness.
      const inItsHeading = rangeContains(found.section.range, ref.range.start);
      const spellsHeading = ref.label !== undefined && !inItsHeading && spelledBy(ref.label, found.target) !== undefined;
      const renameBack = spellsFragment === undefined ? undefined : headingRenamedBack(outline, targets, found.section, spellsFragment, anchorName(ref));
      // A letter of the heading lost is likelier than a table of contents gone stale; words apart (`🚀(New) …`), the other way round.
      const renameFirst = !!renameBack && found.distance <= 1;
      findings.push({
        range: ref.range,
        message:
          `No heading has the anchor #${ref.fragment}: the closest is #${found.target} ("${found.section.text}").` +
          (spellsFragment === undefined ? '' : ` The link's text "${ref.label}" matches #${ref.fragment}, so the heading may be what changed.`),
        relatedInformation: [relatedAt(uri, found.section.textRange, `Heading "${found.section.text}"`)],
        fixes: [
          ...(renameBack ? [{ ...renameBack, isPreferred: renameFirst }] : []),
          // One character away, with the link's text on the heading's side, is a typo beyond doubt; anything else is a guess offered.
          { title: `Change to #${found.target}`, edits: [{ range: ref.range, newText: found.target }], safe: found.distance <= 1 && spellsHeading && spellsFragment === undefined, isPreferred: !renameFirst },
        ],
      });
    } else {
      findings.push({ range: ref.range, message: `No heading or anchor has the name #${ref.fragment}: the link leads nowhere.`, fixes: [] });
    }
  }
  return findings;
});

/**
 * The fix that renames `heading` to what the link's text `spelled` says,
 * changing only the characters where the two differ, so that it has the
 * anchor `meant` again. Offered only where that is all it does: the heading's
 * text is plain (no markup to lose), no working link leads to the heading's
 * present anchor, and no other heading's anchor moves.
 */
function headingRenamedBack(outline: SurveyOutline, targets: AnchorTargets, heading: Section, spelled: string, meant: string): Fix | undefined {
  const { start, end } = heading.textRange;
  const plain = start.line === end.line && end.character - start.character === heading.text.length;
  if (!plain || heading.slug === undefined) return undefined;
  if (outline.anchors.some((a) => anchorName(a) === heading.slug && targets.resolve(a).kind === 'exact')) return undefined;
  // The smaller of two changes: letter for letter, or case aside (a table of contents in lower case keeps the heading's capitals).
  const change = [smallestChange(heading.text, spelled, false), smallestChange(heading.text, spelled, true)].sort((a, b) => a.size - b.size)[0]!;
  const newName = heading.text.slice(0, change.from) + change.newText + heading.text.slice(change.to);
  if (!renamesOnlyItsAnchor(outline, heading, newName, meant)) return undefined;
  const at = (character: number) => ({ line: start.line, character });
  return {
    title: `Rename the heading to "${newName}"`,
    edits: [{ range: { start: at(start.character + change.from), end: at(start.character + change.to) }, newText: change.newText }],
    safe: false,
    isPreferred: true,
  };
}

/** Whether renaming `heading` to `newName` gives it the anchor `meant` and leaves every other heading's anchor as it is (`-1`, `-2` for repeats). */
function renamesOnlyItsAnchor(outline: SurveyOutline, heading: Section, newName: string, meant: string): boolean {
  const slugs = new UniqueSlugs();
  for (const section of outline.sections) {
    if (section.kind !== 'heading') continue;
    const slug = slugs.next(section === heading ? newName : section.text);
    if (slug !== (section === heading ? meant : section.slug)) return false;
  }
  return true;
}
