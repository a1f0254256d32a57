import { AnchorTargets } from './anchors';
import { outlineRule } from '../engine/outlineRule';
import { relatedAt, type RuleFinding } from '../engine/rule';

/**
 * `broken-anchor`: a `#fragment` (Markdown link or HTML `href`, as tables of
 * contents in `<details>` use) that leads to no heading and no explicit
 * anchor. On GitHub such a link silently does nothing.
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
      findings.push({
        range: ref.range,
        message: `No heading has the anchor #${ref.fragment}: the closest is #${found.target} ("${found.section.text}").`,
        relatedInformation: [relatedAt(uri, found.section.textRange, `Heading "${found.section.text}"`)],
        // One character away is a typo beyond doubt; further is a guess offered, not applied unseen.
        fixes: [{ title: `Change to #${found.target}`, edits: [{ range: ref.range, newText: found.target }], safe: found.distance <= 1, isPreferred: true }],
      });
    } else {
      findings.push({ range: ref.range, message: `No heading or anchor has the name #${ref.fragment}: the link leads nowhere.`, fixes: [] });
    }
  }
  return findings;
});
