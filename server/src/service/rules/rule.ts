import type { DiagnosticRelatedInformation, Range, TextEdit } from 'vscode-languageserver-types';
import type { RuleCode, SurveyorSettings } from '../../../../shared/settings';
import type { MetadataSource } from '../metadata';
import type { SurveyDocument } from '../model/types';

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
}

export interface RuleContext {
  uri: string;
  settings: SurveyorSettings;
  /** arXiv metadata as known now (never fetched by a rule). */
  metadata: MetadataSource;
}

/** One rule, in a file named after its code. Rules read the model and never throw on odd input. */
export interface Rule {
  code: RuleCode;
  check(doc: SurveyDocument, context: RuleContext): RuleFinding[];
}

/** Related information pointing at another place of the same document. */
export function relatedAt(uri: string, range: Range, message: string): DiagnosticRelatedInformation {
  return { location: { uri, range }, message };
}

/** The 1-based line of a range, as messages show it. */
export function lineOf(range: Range): number {
  return range.start.line + 1;
}
