import { asFinding, type Finding, type Fix } from './finding';
import type { CachedChunk } from '../model/chunkCache';
import { Placements, shiftedCopy } from '../model/placement';
import { comparePositions } from '../model/positions';
import { keptEntries } from '../model/keptEntries';
import type { Entry } from '../model/types';
import { RunCursor, entriesByList, undeclaredHabits, type EntriesByList, type ListHabits } from './listHabits';
import type { RuleCode, SurveyorSettings } from '../../../../shared/settings';
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

/** The entries a rule that checks one at a time is given, and for a rule that reads the survey, their lists' habits. */
interface RuleEntries {
  entries: readonly Entry[];
  runs?: EntriesByList['runs'];
}

/** The habits all the lists of both versions have, when they have the same. */
function sameHabitsThroughout(was: EntriesByList['runs'], now: EntriesByList['runs']): ListHabits | undefined {
  const first = now[0];
  if (!first || [...was, ...now].some((run) => run.key !== first.key)) return undefined;
  return first.habits;
}

/** The findings of a rule that checks one entry at a time on the entry at `at` of those it is given: kept only for entries that have some. */
interface EntryFindings {
  at: number;
  findings: RuleFinding[];
}

/**
 * What the chunks of one document share from version to version: each
 * finding as the editor gets it, and where its chunk stands. A keystroke in
 * a long list makes a new chunk whose findings are mostly the objects they
 * were (see `ChunkFindings.follows`), so they are made into diagnostics and
 * placed once.
 */
export class KeptFindings {
  private readonly made = new WeakMap<RuleFinding, { settings: SurveyorSettings; finding: Finding }>();
  private readonly placed = new WeakMap<Finding, { line: number; finding: Finding }>();
  private readonly placedFixes = new WeakMap<Fix, { line: number; fix: Fix }>();

  finding(finding: RuleFinding, code: RuleCode, settings: SurveyorSettings): Finding {
    const known = this.made.get(finding);
    if (known?.settings === settings) return known.finding;
    const fresh = asFinding(finding, code, settings);
    this.made.set(finding, { settings, finding: fresh });
    return fresh;
  }

  /** A finding made in its chunk's lines, moved down to where the chunk stands. */
  placedAt(finding: Finding, line: number): Finding {
    const known = this.placed.get(finding);
    if (known?.line === line) return known.finding;
    const moved = { diagnostic: shiftedCopy(finding.diagnostic, line), fixes: finding.fixes.map((fix) => this.placedFix(fix, line)) };
    this.placed.set(finding, { line, finding: moved });
    return moved;
  }

  /** A fix moved down once, however many findings share it (every problem of a list offers the one fix that renumbers it). */
  private placedFix(fix: Fix, line: number): Fix {
    const known = this.placedFixes.get(fix);
    if (known?.line === line) return known.fix;
    const moved = shiftedCopy(fix, line);
    this.placedFixes.set(fix, { line, fix: moved });
    return moved;
  }
}

/**
 * The findings of every chunk rule on one chunk, kept until its text, the
 * settings or what a rule reads changes: a keystroke re-checks the chunk it
 * touched, and a chunk that only moved gets its findings moved with it. One
 * per chunk of a document, held by the document's analysis.
 */
export class ChunkFindings {
  /** Each chunk rule's findings, in the chunk's own lines, with what they were computed from (and per entry, for rules that check one at a time). */
  private readonly perRule = new Map<ChunkRule, Revision & { findings: RuleFinding[]; byEntry?: EntryFindings[] }>();
  /** The findings on the version of the chunk this one replaced, until this one's are made. */
  private before: ChunkFindings | undefined;
  /** The chunk's entries list by list, with their lists' habits, for the survey's facts of `surveyKey`. */
  private byList: ({ surveyKey: string } & EntriesByList) | undefined;
  /** All of them, top to bottom, placed where the chunk stood when asked. */
  private merged: (Revision & { placements: Placements<RankedFinding[]> }) | undefined;

  constructor(
    private readonly chunk: CachedChunk,
    private readonly rules: readonly Rule[],
    private readonly kept: KeptFindings,
  ) {}

  /**
   * This chunk is the next version of `before`'s (a keystroke in it): a rule
   * that checks one entry at a time takes over its findings on the entries
   * the edit left alone, which are the same objects (`model/keptEntries.ts`).
   */
  follows(before: ChunkFindings): void {
    this.before = before;
  }

  /** The findings at `firstLine`, top to bottom (rule order breaking ties). */
  at(firstLine: number, context: ChunkFindingsContext): RankedFinding[] {
    const basis = fullRevision(context);
    if (this.merged && sameRevision(this.merged, basis)) return this.merged.placements.at(firstLine);
    // Findings are made in the chunk's own lines (line 0 is its first); `Placements` moves them where it stands.
    const ranked: RankedFinding[] = [];
    this.rules.forEach((rule, index) => {
      if (rule.scope !== 'chunk' || context.settings.rules[rule.code] === 'off') return;
      for (const finding of this.findingsOf(rule, context)) ranked.push({ finding: this.kept.finding(finding, rule.code, context.settings), rule: index });
    });
    ranked.sort((a, b) => comparePositions(a.finding.diagnostic.range.start, b.finding.diagnostic.range.start) || a.rule - b.rule);
    const move = (value: RankedFinding[], line: number) => value.map(({ finding, rule }) => ({ finding: this.kept.placedAt(finding, line), rule }));
    this.merged = { ...basis, placements: new Placements(ranked, move) };
    // What could be taken over has been: the version before may go.
    this.before = undefined;
    return this.merged.placements.at(firstLine);
  }

  /** One rule's findings on the chunk, again only when what it reads changed. */
  private findingsOf(rule: ChunkRule, context: ChunkFindingsContext): RuleFinding[] {
    const basis = revisionFor(rule, context);
    const known = this.perRule.get(rule);
    if (known && sameRevision(known, basis)) return known.findings;
    if (rule.checkEntry) {
      const byEntry = this.checkEntries(rule, context, basis);
      const findings: RuleFinding[] = [];
      for (const { findings: found } of byEntry) for (let i = 0; i < found.length; i++) findings.push(found[i]!);
      this.perRule.set(rule, { ...basis, findings, byEntry });
      return findings;
    }
    const findings = this.check(rule, context);
    this.perRule.set(rule, { ...basis, findings });
    return findings;
  }

  /**
   * The findings of a rule that checks one entry at a time, for the entries
   * (in the order `entriesFor` gives) that have any. Those on the entries
   * the edit left alone are taken over, where the entry's list still has the
   * habits it had (for rules that read them); the others are checked.
   */
  private checkEntries(rule: ChunkRule, context: ChunkFindingsContext, basis: Revision): EntryFindings[] {
    const now = this.entriesFor(rule, context);
    const before = this.before;
    const former = before?.perRule.get(rule);
    const was = before && former?.byEntry && sameRevision(former, basis) ? before.entriesFor(rule, context) : undefined;
    try {
      const declared = declaredContext(rule, context);
      let undeclared: ListHabits | undefined;
      const check = (k: number, habits: ListHabits | undefined) => rule.checkEntry!(now.entries[k]!, declared, habits ?? (undeclared ??= undeclaredHabits(rule.code)));
      if (!was) return this.checkAll(now, check);
      const { prefix, suffix } = keptEntries(was.entries, now.entries);
      // Where every list has the habits every list had (a keystroke in one long list), the entries the edit left alone keep their findings as they were.
      const habits = now.runs && sameHabitsThroughout(was.runs!, now.runs);
      if (now.runs && !habits) return this.checkChanged(now, was, former!.byEntry!, prefix, suffix, check);
      const shift = now.entries.length - was.entries.length;
      const found: EntryFindings[] = [];
      for (const entry of former!.byEntry!) if (entry.at < prefix) found.push(entry);
      for (let k = prefix; k < now.entries.length - suffix; k++) {
        const findings = check(k, habits ?? undefined);
        if (findings.length > 0) found.push({ at: k, findings });
      }
      for (const entry of former!.byEntry!) if (entry.at >= was.entries.length - suffix) found.push(shift === 0 ? entry : { at: entry.at + shift, findings: entry.findings });
      return found;
    } catch (error) {
      this.failed(rule, context, error);
      return [];
    }
  }

  /** Every entry checked. */
  private checkAll(now: RuleEntries, check: (k: number, habits: ListHabits | undefined) => RuleFinding[]): EntryFindings[] {
    const runOf = now.runs && new RunCursor(now.runs);
    const found: EntryFindings[] = [];
    for (let k = 0; k < now.entries.length; k++) {
      const findings = check(k, runOf?.of(k).habits);
      if (findings.length > 0) found.push({ at: k, findings });
    }
    return found;
  }

  /** The findings of the entries the edit left alone whose list still has the habits it had, and the others checked, entry by entry. */
  private checkChanged(now: RuleEntries, was: RuleEntries, formerFound: EntryFindings[], prefix: number, suffix: number, check: (k: number, habits: ListHabits | undefined) => RuleFinding[]): EntryFindings[] {
    const { entries } = now;
    const shift = entries.length - was.entries.length;
    const runOf = new RunCursor(now.runs!);
    const wasRunOf = new RunCursor(was.runs!);
    const found: EntryFindings[] = [];
    let next = 0;
    for (let k = 0; k < entries.length; k++) {
      const run = runOf.of(k);
      const old = k < prefix ? k : k >= entries.length - suffix ? k - shift : -1;
      if (old >= 0 && wasRunOf.of(old).key === run.key) {
        // The entry's findings as they were: those of the entries before it in the version before are passed over.
        while (next < formerFound.length && formerFound[next]!.at < old) next++;
        if (next < formerFound.length && formerFound[next]!.at === old) found.push(old === k ? formerFound[next]! : { at: k, findings: formerFound[next]!.findings });
        continue;
      }
      const findings = check(k, run.habits);
      if (findings.length > 0) found.push({ at: k, findings });
    }
    return found;
  }

  /**
   * The entries a rule that checks one at a time is given: list by list with
   * their lists' habits for a rule that reads the survey (worked out again
   * only when what the survey usually does changed), else in document order.
   */
  private entriesFor(rule: ChunkRule, context: ChunkFindingsContext): RuleEntries {
    if (!rule.reads?.survey) return { entries: this.chunk.alone.entries };
    const { survey } = context;
    if (this.byList?.surveyKey !== survey.key) this.byList = { surveyKey: survey.key, ...entriesByList(this.chunk.alone, survey) };
    return this.byList;
  }

  /** A rule that fails on a chunk loses that chunk's findings, said once in the log; the other rules and chunks are unaffected. */
  private check(rule: ChunkRule, context: ChunkFindingsContext): RuleFinding[] {
    try {
      return rule.check(this.chunk.alone, declaredContext(rule, context));
    } catch (error) {
      this.failed(rule, context, error);
      return [];
    }
  }

  private failed(rule: ChunkRule, context: ChunkFindingsContext, error: unknown): void {
    context.log(`Rule ${rule.code} failed on ${context.uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}
