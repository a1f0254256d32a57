import { asFinding, type Finding } from './finding';
import type { CachedChunk } from '../model/chunkCache';
import { Placements } from '../model/placement';
import { comparePositions } from '../model/positions';
import { declaredContext, fullRevision, revisionFor, sameRevision, type Revision, type RevisionInputs } from './revision';
import type { ChunkRule, Rule, RuleFinding } from './rule';

/** A finding with the index of its rule in the analysis's rules: findings at one position go in rule order. */
export interface RankedFinding {
  finding: Finding;
  rule: number;
}

export interface ChunkFindingsContext extends RevisionInputs {
  log(message: string): void;
}

/**
 * The findings of every chunk rule on one chunk, kept until its text, the
 * settings or what a rule reads changes: a keystroke re-checks the chunk it
 * touched, and a chunk that only moved gets its findings moved with it. One
 * per chunk of a document, held by the document's analysis.
 */
export class ChunkFindings {
  /** Each chunk rule's findings, in the chunk's own lines, with what they were computed from. */
  private readonly perRule = new Map<ChunkRule, Revision & { findings: RuleFinding[] }>();
  /** All of them, top to bottom, placed where the chunk stood when asked. */
  private merged: (Revision & { placements: Placements<RankedFinding[]> }) | undefined;

  constructor(
    private readonly chunk: CachedChunk,
    private readonly rules: readonly Rule[],
  ) {}

  /** The findings at `firstLine`, top to bottom (rule order breaking ties). */
  at(firstLine: number, context: ChunkFindingsContext): RankedFinding[] {
    const basis = fullRevision(context);
    if (this.merged && sameRevision(this.merged, basis)) return this.merged.placements.at(firstLine);
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
    const basis = revisionFor(rule, context);
    const known = this.perRule.get(rule);
    if (known && sameRevision(known, basis)) return known.findings;
    const findings = this.check(rule, context);
    this.perRule.set(rule, { ...basis, findings });
    return findings;
  }

  /** A rule that fails on a chunk loses that chunk's findings, said once in the log; the other rules and chunks are unaffected. */
  private check(rule: ChunkRule, context: ChunkFindingsContext): RuleFinding[] {
    try {
      return rule.check(this.chunk.alone, declaredContext(rule, context));
    } catch (error) {
      context.log(`Rule ${rule.code} failed on ${context.uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return [];
    }
  }
}
