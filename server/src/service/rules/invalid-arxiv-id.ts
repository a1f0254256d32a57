import { arxivIdProblem, parseArxivUrl } from '../model/arxivId';
import { entryRule } from './entryRule';
import type { RuleFinding } from '../engine/rule';

/** `invalid-arxiv-id`: an arXiv link whose id cannot exist, so the link leads nowhere or to another paper. */
export const invalidArxivId = entryRule('invalid-arxiv-id', (entry) => {
  const findings: RuleFinding[] = [];
  for (const link of entry.links) {
    const ref = parseArxivUrl(link.url.text);
    const problem = ref && arxivIdProblem(ref.id, ref.version);
    if (!problem) continue;
    const written = ref.version === undefined ? ref.id : `${ref.id}v${ref.version}`;
    findings.push({ range: link.url.range, message: `arXiv id ${written} cannot exist: ${problem}. Check the id on the paper's arXiv page.`, fixes: [] });
  }
  return findings;
});
