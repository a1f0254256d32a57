import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { Severity, SurveyorSettings } from '../../../shared/settings';
import { comparePositions } from './model/positions';
import type { MetadataSource } from './metadata';
import type { SurveyDocument } from './model/types';
import { RULES } from './rules';
import type { Fix } from './rules/rule';
import { isSuppressed } from './suppressions';

/** A diagnostic with the fixes that repair it. */
export interface Finding {
  diagnostic: Diagnostic;
  fixes: Fix[];
}

export const SOURCE = 'surveyor';

const LSP_SEVERITY: Record<Exclude<Severity, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Runs every rule that is not `off`, drops what suppression comments silence, and gives each finding its configured severity. */
export function runRules(doc: SurveyDocument, uri: string, settings: SurveyorSettings, metadata: MetadataSource, log: (message: string) => void): Finding[] {
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const severity = settings.rules[rule.code];
    if (severity === 'off') continue;
    let found;
    try {
      found = rule.check(doc, { uri, settings, metadata });
    } catch (error) {
      // One broken rule must not take the others' findings with it.
      log(`Rule ${rule.code} failed on ${uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      continue;
    }
    for (const f of found) {
      if (doc.suppressions.length > 0 && isSuppressed(rule.code, f.range, doc.suppressions)) continue;
      const diagnostic: Diagnostic = { range: f.range, severity: LSP_SEVERITY[severity], source: SOURCE, code: rule.code, message: f.message };
      if (f.relatedInformation) diagnostic.relatedInformation = f.relatedInformation;
      findings.push({ diagnostic, fixes: f.fixes });
    }
  }
  // Top to bottom, as a reader goes through the file (the sort is stable: rule order breaks ties).
  return findings.sort((a, b) => comparePositions(a.diagnostic.range.start, b.diagnostic.range.start));
}
