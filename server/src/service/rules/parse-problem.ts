import { RULE_CODES } from '../../../../shared/settings';
import { outlineRule } from '../engine/outlineRule';
import type { RuleFinding } from '../engine/rule';

/**
 * What the parser could not make sense of (a binary file, an internal parse
 * failure), and suppression comments naming a rule that does not exist (a
 * typo there would silently suppress nothing).
 */
export const parseProblem = outlineRule('parse-problem', (outline) => {
  const findings: RuleFinding[] = outline.problems.map((p) => ({ range: p.range, message: p.message, fixes: [] }));
  for (const comment of outline.suppressions) {
    for (const code of comment.codes) {
      if ((RULE_CODES as readonly string[]).includes(code)) continue;
      findings.push({ range: comment.range, message: `Unknown rule "${code}" in surveyor-${comment.kind} (known: ${RULE_CODES.join(', ')}).`, fixes: [] });
    }
  }
  return findings;
});
