import type { SurveyorSettings } from '../../../../shared/settings';
import type { ChunkRule, ChunkRuleContext } from './rule';

/**
 * What a chunk rule's findings are computed from besides the chunk's text:
 * the one key that says whether kept findings still hold. A field is
 * undefined when the rule does not read it, so that new metadata does not
 * re-run a rule that never looks at metadata.
 */
export interface Revision {
  settings: SurveyorSettings;
  /** Bumped whenever arXiv metadata changes (rules that declare `reads.metadata`). */
  metadataGeneration: number | undefined;
  /** Changes whenever what the survey usually does changes (rules that declare `reads.survey`). */
  surveyKey: string | undefined;
}

export interface RevisionInputs extends ChunkRuleContext {
  metadataGeneration: number;
}

/** The revision of everything: what the merged findings of all chunk rules depend on. */
export function fullRevision(context: RevisionInputs): Revision {
  return { settings: context.settings, metadataGeneration: context.metadataGeneration, surveyKey: context.survey.key };
}

/** The revision of what `rule` declares it reads. */
export function revisionFor(rule: ChunkRule, context: RevisionInputs): Revision {
  return {
    settings: context.settings,
    metadataGeneration: rule.reads?.metadata ? context.metadataGeneration : undefined,
    surveyKey: rule.reads?.survey ? context.survey.key : undefined,
  };
}

export function sameRevision(a: Revision, b: Revision): boolean {
  return a.settings === b.settings && a.metadataGeneration === b.metadataGeneration && a.surveyKey === b.surveyKey;
}

/**
 * The context a rule is given: what it declared in `reads`, and for what it
 * did not, a property that throws. A rule reading an input it did not
 * declare would be served stale findings when that input changes; this
 * makes the omission fail at once (the engine logs it, tests fail on it).
 */
export function declaredContext(rule: ChunkRule, context: ChunkRuleContext): ChunkRuleContext {
  const narrowed = { uri: context.uri, settings: context.settings, metadata: context.metadata, survey: context.survey } as ChunkRuleContext;
  // The files beside a survey change without its text changing: a chunk rule, whose findings are kept with the chunk, may not read them.
  Object.defineProperty(narrowed, 'files', {
    get() {
      throw new Error(`Rule ${rule.code} reads "files", which only document rules may read: its findings are kept with the chunk.`);
    },
  });
  const undeclared = (input: 'metadata' | 'survey') => {
    Object.defineProperty(narrowed, input, {
      get() {
        throw new Error(`Rule ${rule.code} reads "${input}" without declaring it in reads: its findings would go stale when ${input} changes.`);
      },
    });
  };
  if (!rule.reads?.metadata) undeclared('metadata');
  if (!rule.reads?.survey) undeclared('survey');
  return narrowed;
}
