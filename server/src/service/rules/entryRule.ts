import type { RuleCode } from '../../../../shared/settings';
import type { Entry } from '../model/types';
import type { ChunkRule, ChunkRuleContext, RuleFinding } from '../engine/rule';

/** A chunk rule that looks at one entry at a time. */
export function entryRule(code: RuleCode, checkEntry: (entry: Entry, context: ChunkRuleContext) => RuleFinding[], reads?: ChunkRule['reads']): ChunkRule {
  return {
    scope: 'chunk',
    code,
    ...(reads ? { reads } : {}),
    check(chunk, context) {
      const findings: RuleFinding[] = [];
      for (const entry of chunk.entries) for (const finding of checkEntry(entry, context)) findings.push(finding);
      return findings;
    },
  };
}
