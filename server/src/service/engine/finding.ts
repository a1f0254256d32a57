import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation, type Range, type TextEdit } from 'vscode-languageserver-types';
import type { RuleCode, Severity, SurveyorSettings } from '../../../../shared/settings';
import { trimEndWhere } from '../model/trimEnd';

/** A repair for one finding, kept beside the diagnostic it repairs. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Certain enough to apply without looking: used by fix-all, on save and by `surveyor check --fix`. */
  safe: boolean;
  isPreferred?: boolean;
}

/** What a rule reports; the engine adds severity, source and code from configuration. */
export interface RuleFinding {
  range: Range;
  message: string;
  fixes: Fix[];
  relatedInformation?: DiagnosticRelatedInformation[];
  /**
   * The most this finding may weigh, whatever its rule's severity: a question
   * of house style (`[[pdf]](url)` in a list that mostly writes `[[pdf](url)]`)
   * is a hint even where the rule's real defects are warnings.
   */
  atMost?: 'info' | 'hint';
}

/** A diagnostic with the fixes that repair it. */
export interface Finding {
  diagnostic: Diagnostic;
  fixes: Fix[];
}

const SOURCE = 'surveyor';

const LSP_SEVERITY: Record<Exclude<Severity, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** A rule's finding as the editor gets it: with source, code and the configured severity. */
export function asFinding(finding: RuleFinding, code: RuleCode, settings: SurveyorSettings): Finding {
  const configured = LSP_SEVERITY[settings.rules[code] as Exclude<Severity, 'off'>];
  // DiagnosticSeverity counts up from Error (1) to Hint (4): the lesser weight is the larger number.
  const severity = finding.atMost ? Math.max(configured, LSP_SEVERITY[finding.atMost]) as DiagnosticSeverity : configured;
  // A field quoted from an entry over several lines would break the message (and the CLI's one line per finding).
  const message = oneLine(finding.message);
  const diagnostic: Diagnostic = { range: finding.range, severity, source: SOURCE, code, message };
  if (finding.relatedInformation) diagnostic.relatedInformation = finding.relatedInformation;
  return { diagnostic, fixes: finding.fixes };
}

/**
 * Each line break (with the spaces and tabs around it) made one space. Not by
 * a replace of `[ \t]*[\r\n]+[ \t]*`: that regex reads a long run of spaces
 * again from each of them when no line break follows.
 */
function oneLine(message: string): string {
  if (!/[\r\n]/.test(message)) return message;
  const lines = message.split(/[\r\n]+/);
  const last = lines.length - 1;
  const isBlank = (c: string) => c === ' ' || c === '\t';
  return lines
    .map((line, i) => {
      const trimmed = i < last ? trimEndWhere(line, isBlank) : line;
      return i > 0 ? trimmed.replace(/^[ \t]+/, '') : trimmed;
    })
    .join(' ');
}
