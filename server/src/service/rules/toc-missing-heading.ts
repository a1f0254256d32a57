import { sectionAt } from '../model/assemble';
import { comparePositions } from '../model/positions';
import type { Section } from '../model/types';
import { AnchorTargets } from './anchors';
import { outlineRule } from '../engine/outlineRule';
import { relatedAt, type RuleFinding } from '../engine/rule';

/** At least this many links to distinct headings make a table of contents. */
const TOC_MIN_LINKS = 3;

/**
 * `toc-missing-heading`: a heading the table of contents does not link to,
 * among the heading levels the table covers, after the table. Links that are
 * misspelled (reported by `broken-anchor`) still count as covering the heading
 * they meant, so one mistake is not reported twice. Left alone: the table's
 * own heading, a heading marked `<!-- omit in toc -->`, a placeholder
 * ("coming soon"), and the subheadings of a heading whose subheadings the
 * table lists none of (it deliberately stops at that heading).
 */
export const tocMissingHeading = outlineRule('toc-missing-heading', (outline, { uri }) => {
  const targets = AnchorTargets.of(outline);
  const linked = new Set<Section>();
  for (const ref of outline.anchors) {
    const section = targets.sectionMeant(ref);
    if (section) linked.add(section);
  }
  if (linked.size < TOC_MIN_LINKS) return [];
  let minDepth = Infinity;
  let maxDepth = -Infinity;
  for (const s of linked) {
    minDepth = Math.min(minDepth, s.depth ?? s.level);
    maxDepth = Math.max(maxDepth, s.depth ?? s.level);
  }
  const tocStart = outline.anchors[0]!.range;
  const toc = [relatedAt(uri, tocStart, 'The table of contents')];
  const tocHeading = sectionAt(outline, tocStart.start);
  const listsChildrenOf = new Set<number>();
  for (const s of linked) listsChildrenOf.add(s.parent);
  const findings: RuleFinding[] = [];
  outline.sections.forEach((section) => {
    if (section.kind !== 'heading' || linked.has(section) || !section.slug || section === tocHeading || section.omitInToc) return;
    if (section.depth! < minDepth || section.depth! > maxDepth || comparePositions(section.range.start, tocStart.start) <= 0) return;
    if (PLACEHOLDER.test(section.text)) return;
    if (section.depth! > minDepth && !listsChildrenOf.has(section.parent)) return;
    findings.push({
      range: section.textRange,
      message: `Heading "${section.text}" is not in the table of contents: expected a link to #${section.slug} there.`,
      relatedInformation: toc,
      fixes: [],
    });
  });
  return findings;
});

const PLACEHOLDER = /\b(?:coming soon|to be added|tbd|todo|under construction)\b/i;
