import type { SurveyorSettings, RuleCode } from '../../../../shared/settings';
import type { Entry } from '../model/types';
import type { Rule, RuleContext, RuleFinding } from './rule';

/**
 * A rule that looks at one entry at a time. Its findings are kept per entry:
 * an entry object lives as long as its chunk is unchanged, so a keystroke
 * re-checks only the entries of the chunk it touched.
 */
export function entryRule(code: RuleCode, checkEntry: (entry: Entry, context: RuleContext) => RuleFinding[]): Rule {
  const kept = new WeakMap<Entry, { settings: SurveyorSettings; uri: string; findings: RuleFinding[] }>();
  return {
    code,
    check(doc, context) {
      const findings: RuleFinding[] = [];
      for (const entry of doc.entries) {
        let known = kept.get(entry);
        if (!known || known.settings !== context.settings || known.uri !== context.uri) {
          known = { settings: context.settings, uri: context.uri, findings: checkEntry(entry, context) };
          kept.set(entry, known);
        }
        for (const finding of known.findings) findings.push(finding);
      }
      return findings;
    },
  };
}
