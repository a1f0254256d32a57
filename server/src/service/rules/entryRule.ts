import type { RuleCode } from '../../../../shared/settings';
import type { Entry } from '../model/types';
import { RunCursor, entriesByList, undeclaredHabits, type ListHabits } from '../engine/listHabits';
import type { ChunkRule, ChunkRuleContext, RuleFinding } from '../engine/rule';

/**
 * A chunk rule that looks at one entry at a time, and at what the entry's
 * list usually carries (`habits`, for a rule that declares it reads the
 * survey: a short list is held to the survey's habits).
 */
export function entryRule(code: RuleCode, checkEntry: (entry: Entry, context: ChunkRuleContext, habits: ListHabits) => RuleFinding[], reads?: ChunkRule['reads']): ChunkRule {
  return {
    scope: 'chunk',
    code,
    ...(reads ? { reads } : {}),
    checkEntry,
    check(chunk, context) {
      const findings: RuleFinding[] = [];
      if (reads?.survey) {
        const { entries, runs } = entriesByList(chunk, context.survey);
        const runOf = new RunCursor(runs);
        entries.forEach((entry, k) => findings.push(...checkEntry(entry, context, runOf.of(k).habits)));
      } else {
        const undeclared = undeclaredHabits(code);
        for (const entry of chunk.entries) findings.push(...checkEntry(entry, context, undeclared));
      }
      return findings;
    },
  };
}
