import type { RuleCode, SurveyorSettings } from '../../../../shared/settings';
import type { SurveyOutline } from '../model/types';
import type { DocumentRule, RuleContext, RuleFinding } from './rule';

/**
 * A document rule that reads only the outline (headings, anchors, comments).
 * Its findings are kept with the outline object, which a version takes over
 * from the one before when no heading, anchor or line break changed.
 */
export function outlineRule(code: RuleCode, check: (outline: SurveyOutline, context: RuleContext) => RuleFinding[]): DocumentRule {
  const kept = new WeakMap<SurveyOutline, { uri: string; settings: SurveyorSettings; findings: RuleFinding[] }>();
  return {
    scope: 'document',
    code,
    check({ outline }, context) {
      const known = kept.get(outline);
      if (known && known.uri === context.uri && known.settings === context.settings) return known.findings;
      const findings = check(outline, context);
      kept.set(outline, { uri: context.uri, settings: context.settings, findings });
      return findings;
    },
  };
}
