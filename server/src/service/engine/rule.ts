import type { DiagnosticRelatedInformation, Range } from 'vscode-languageserver-types';
import type { RuleCode, SurveyorSettings } from '../../../../shared/settings';
import type { MetadataSource } from '../metadata';
import type { RepositoryFiles } from '../repositoryFiles';
import type { Entry, SurveyDocument } from '../model/types';
import type { RuleFinding } from './finding';
import type { ListHabits } from './listHabits';
import type { RuleMemory } from './ruleMemory';
import type { SurveyFacts } from './surveyFacts';
import type { WholeSurvey } from './wholeSurvey';

export type { Fix, RuleFinding } from './finding';

export interface RuleContext {
  uri: string;
  settings: SurveyorSettings;
  /** arXiv metadata as known now (never fetched by a rule). */
  metadata: MetadataSource;
  /** The files beside the survey, where they can be known (document rules only). */
  files: RepositoryFiles;
}

export interface ChunkRuleContext extends RuleContext {
  /** What the whole survey usually does, for the few checks that hold an entry to it. */
  survey: SurveyFacts;
}

/**
 * A rule that looks at one chunk of the document at a time (an entry, a
 * list: anything under one heading). It reads the chunk alone, in the
 * chunk's own lines, and its findings are kept until the chunk's text (or
 * the settings, or what `reads` names) changes: a keystroke re-checks one
 * chunk, and an Enter above a chunk only moves its findings down a line.
 * So its messages never name a line number.
 */
export interface ChunkRule {
  scope: 'chunk';
  code: RuleCode;
  /** What the findings depend on besides the chunk and the settings. */
  reads?: { metadata?: boolean; survey?: boolean };
  check(chunk: SurveyDocument, context: ChunkRuleContext): RuleFinding[];
  /**
   * For a rule whose findings on an entry depend on that entry alone, what
   * its list usually carries (`habits`, for rules that read the survey: a
   * short list's are the survey's) and what `reads` names: the findings on
   * one entry, `check` being these for each entry in turn. The engine then
   * keeps them per entry, and a keystroke in a long list re-checks only the
   * entries it touched.
   */
  checkEntry?(entry: Entry, context: ChunkRuleContext, habits: ListHabits): RuleFinding[];
}

/**
 * A rule that compares places across the document (the same paper in two
 * sections, a link to a heading). It runs on every version over the outline
 * and the index of repeated papers, never over every entry.
 */
export interface DocumentRule {
  scope: 'document';
  code: RuleCode;
  /** `memory` is what the rule keeps between versions of this document (see `ruleMemory.ts`). */
  check(survey: WholeSurvey, context: RuleContext, memory: RuleMemory): RuleFinding[];
}

/** One rule, in a file named after its code. Rules read the model and never throw on odd input. */
export type Rule = ChunkRule | DocumentRule;

/** Related information pointing at another place of the same document. */
export function relatedAt(uri: string, range: Range, message: string): DiagnosticRelatedInformation {
  return { location: { uri, range }, message };
}
