import type { SurveyorSettings } from '../../../../shared/settings';
import { asFinding, type Finding } from './finding';
import type { CachedChunk } from '../model/chunkCache';
import { Placements, comparePositions } from '../model/positions';
import type { ChunkRule, ChunkRuleContext, Rule, RuleFinding } from './rule';

/** A finding with the index of its rule in the analysis's rules: findings at one position go in rule order. */
export interface RankedFinding {
  finding: Finding;
  rule: number;
}

export interface ChunkFindingsContext extends ChunkRuleContext {
  /** Bumped whenever arXiv metadata changes, so that rules reading it run again. */
  metadataGeneration: number;
  log(message: string): void;
}

/** What a set of findings was computed from. */
interface Basis {
  settings: SurveyorSettings;
  metadataGeneration: number | undefined;
  surveyKey: string | undefined;
}

function sameBasis(a: Basis, b: Basis): boolean {
  return a.settings === b.settings && a.metadataGeneration === b.metadataGeneration && a.surveyKey === b.surveyKey;
}

/**
 * The findings of every chunk rule on one chunk, kept until its text, the
 * settings or what a rule reads changes: a keystroke re-checks the chunk it
 * touched, and a chunk that only moved gets its findings moved with it. One
 * per chunk of a document, held by the document's analysis.
 */
export class ChunkFindings {
  /** Each chunk rule's findings, in the chunk's own lines, with what they were computed from. */
  private readonly perRule = new Map<ChunkRule, Basis & { findings: RuleFinding[] }>();
  /** All of them, top to bottom, placed where the chunk stood when asked. */
  private merged: (Basis & { placements: Placements<RankedFinding[]> }) | undefined;

  constructor(
    private readonly chunk: CachedChunk,
    private readonly rules: readonly Rule[],
  ) {}

  /** The findings at `firstLine`, top to bottom (rule order breaking ties). */
  at(firstLine: number, context: ChunkFindingsContext): RankedFinding[] {
    const basis: Basis = { settings: context.settings, metadataGeneration: context.metadataGeneration, surveyKey: context.survey.key };
    if (this.merged && sameBasis(this.merged, basis)) return this.merged.placements.at(firstLine);
    // Findings are made in the chunk's own lines (line 0 is its first); `Placements` moves them where it stands.
    const ranked: RankedFinding[] = [];
    this.rules.forEach((rule, index) => {
      if (rule.scope !== 'chunk' || context.settings.rules[rule.code] === 'off') return;
      for (const finding of this.findingsOf(rule, context)) ranked.push({ finding: asFinding(finding, rule.code, context.settings), rule: index });
    });
    ranked.sort((a, b) => comparePositions(a.finding.diagnostic.range.start, b.finding.diagnostic.range.start) || a.rule - b.rule);
    this.merged = { ...basis, placements: new Placements(ranked) };
    return this.merged.placements.at(firstLine);
  }

  /** One rule's findings on the chunk, again only when what it reads changed. */
  private findingsOf(rule: ChunkRule, context: ChunkFindingsContext): RuleFinding[] {
    const basis: Basis = {
      settings: context.settings,
      metadataGeneration: rule.reads?.metadata ? context.metadataGeneration : undefined,
      surveyKey: rule.reads?.survey ? context.survey.key : undefined,
    };
    const known = this.perRule.get(rule);
    if (known && sameBasis(known, basis)) return known.findings;
    const findings = this.check(rule, context);
    this.perRule.set(rule, { ...basis, findings });
    return findings;
  }

  /** A rule that fails on a chunk loses that chunk's findings, said once in the log; the other rules and chunks are unaffected. */
  private check(rule: ChunkRule, context: ChunkFindingsContext): RuleFinding[] {
    try {
      return rule.check(this.chunk.alone, context);
    } catch (error) {
      context.log(`Rule ${rule.code} failed on ${context.uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return [];
    }
  }
}
