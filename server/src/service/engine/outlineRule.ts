import type { RuleCode, SurveyorSettings } from '../../../../shared/settings';
import type { SurveyOutline } from '../model/types';
import type { DocumentRule, RuleContext, RuleFinding } from './rule';

/**
 * A document rule that reads only the outline (headings, anchors, comments).
 * Its findings are kept (in the document's rule memory) with the outline object, which a version takes over
 * from the one before when no heading, anchor or line break changed.
 */
export function outlineRule(code: RuleCode, check: (outline: SurveyOutline, context: RuleContext) => RuleFinding[]): DocumentRule {
  return {
    scope: 'document',
    code,
    check({ outline }, context, memory) {
      const kept = memory.get('outline', () => new WeakMap<SurveyOutline, { settings: SurveyorSettings; findings: RuleFinding[] }>());
      const known = kept.get(outline);
      if (known && known.settings === context.settings) return known.findings;
      const findings = check(outline, context);
      kept.set(outline, { settings: context.settings, findings });
      return findings;
    },
  };
}
