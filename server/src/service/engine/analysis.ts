import type { RuleCode, SurveyorSettings } from '../../../../shared/settings';
import { ChunkFindings, KeptFindings, type ChunkFindingsContext, type RankedFinding } from './chunkFindings';
import { asFinding, type Finding } from './finding';
import type { MetadataSource } from '../metadata';
import type { RepositoryFiles } from '../repositoryFiles';
import type { CachedChunk } from '../model/chunkCache';
import type { PlacedChunk, ParsedSurvey } from '../model/parsedSurvey';
import { comparePositions } from '../model/positions';
import { PaperIndex, type ChunkPlace } from './listings';
import type { DocumentRule, Rule, RuleFinding } from './rule';
import { RuleMemory } from './ruleMemory';
import { SurveyTally } from './surveyFacts';
import { isSuppressed } from './suppressions';

/** A chunk where it stands in the document, with the analysis's findings on it. */
interface Place extends ChunkPlace {
  findings: ChunkFindings;
  /** The version that last saw the chunk in the document. */
  seen: number;
}

export interface AnalysisContext {
  uri: string;
  settings: SurveyorSettings;
  metadata: MetadataSource;
  files: RepositoryFiles;
  /** Bumped whenever arXiv metadata changes. */
  metadataGeneration: number;
  log(message: string): void;
}

/**
 * The rules run over one document, version after version. What the rules
 * need of the whole survey (its counts, the index of repeated papers) is
 * kept up to date from the chunks that changed between versions, so that a
 * keystroke in a long survey costs the chunk it touched plus a look at each
 * chunk's kept findings, not a pass over every entry.
 */
export class SurveyAnalysis {
  private readonly places = new Map<CachedChunk, Place>();
  /** This version's places, in document order. */
  private ordered: Place[] = [];
  private readonly tally = new SurveyTally();
  private papers = new PaperIndex();
  private version = 0;
  /** Bumped whenever a chunk that stayed moved to another line. */
  private layout = 0;
  private readonly memories = new Map<DocumentRule, RuleMemory>();
  /** What the chunks' findings share between versions (a finding made into a diagnostic, and placed). */
  private readonly kept = new KeptFindings();
  private readonly made = new WeakMap<RuleFinding, { settings: SurveyorSettings; finding: Finding }>();

  /** `rules` in the order of `RULE_CODES` (the service passes `RULES`). */
  constructor(private readonly rules: readonly Rule[]) {}

  /**
   * Every rule that is not `off`: the chunk rules chunk by chunk (kept while
   * a chunk is unchanged), the document rules over the whole survey; without
   * what suppression comments silence, each with its configured severity,
   * top to bottom (rule order breaking ties).
   */
  analyse(parsed: ParsedSurvey, context: AnalysisContext): Finding[] {
    this.follow(parsed.chunks);
    const chunkContext: ChunkFindingsContext = { ...context, survey: this.tally.facts() };
    const fromChunks: RankedFinding[] = [];
    for (const place of this.ordered) {
      const found = place.findings.at(place.firstLine, chunkContext);
      for (let i = 0; i < found.length; i++) fromChunks.push(found[i]!);
    }
    const whole = { outline: parsed.outline, papers: this.papers, layout: this.layout };
    const fromDocument: RankedFinding[] = [];
    this.rules.forEach((rule, index) => {
      if (rule.scope !== 'document' || context.settings.rules[rule.code] === 'off') return;
      try {
        for (const finding of rule.check(whole, context, this.memoryOf(rule))) fromDocument.push({ finding: this.documentFinding(finding, rule.code, context.settings), rule: index });
      } catch (error) {
        // One broken rule must not take the others' findings with it.
        context.log(`Rule ${rule.code} failed on ${context.uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
    });
    // Findings of one rule at one place from different groups: by message, so that the order never depends on the index's history.
    fromDocument.sort((a, b) => compareRanked(a, b) || (a.finding.diagnostic.message < b.finding.diagnostic.message ? -1 : a.finding.diagnostic.message > b.finding.diagnostic.message ? 1 : 0));
    const suppressions = parsed.outline.suppressions;
    const found = mergeSorted(fromChunks, fromDocument);
    return suppressions.length === 0 ? found : found.filter((f) => !isSuppressed(String(f.diagnostic.code), f.diagnostic.range, suppressions));
  }

  /** What a document rule keeps between versions of this document. */
  private memoryOf(rule: DocumentRule): RuleMemory {
    let memory = this.memories.get(rule);
    if (!memory) this.memories.set(rule, (memory = new RuleMemory()));
    return memory;
  }

  /** Findings of document rules that are kept between versions (a group unmoved, an outline unchanged) become diagnostics once. */
  private documentFinding(finding: RuleFinding, code: RuleCode, settings: SurveyorSettings): Finding {
    const known = this.made.get(finding);
    if (known?.settings === settings) return known.finding;
    const fresh = asFinding(finding, code, settings);
    this.made.set(finding, { settings, finding: fresh });
    return fresh;
  }

  /**
   * Brings the counts and the paper index to this version: chunks that left
   * are taken out, new ones added, and the ones that stayed are moved to
   * their new lines. If chunks changed order (a section cut and pasted
   * elsewhere) the index is built again, since its groups keep document order.
   */
  private follow(chunks: readonly PlacedChunk[]): void {
    const version = ++this.version;
    const added: Place[] = [];
    let reordered = false;
    let moved = false;
    let previousOrder = -1;
    const ordered: Place[] = [];
    chunks.forEach(({ chunk, firstLine }, order) => {
      const place = this.places.get(chunk);
      if (!place) {
        const fresh = { chunk, firstLine, order, seen: version, findings: new ChunkFindings(chunk, this.rules, this.kept) };
        this.places.set(chunk, fresh);
        ordered.push(fresh);
        added.push(fresh);
        return;
      }
      ordered.push(place);
      if (place.order < previousOrder) reordered = true;
      previousOrder = place.order;
      if (place.firstLine !== firstLine) moved = true;
      place.firstLine = firstLine;
      place.order = order;
      place.seen = version;
    });
    const removed: Place[] = [];
    for (const [chunk, place] of this.places) {
      if (place.seen === version) continue;
      this.places.delete(chunk);
      removed.push(place);
    }
    this.ordered = ordered;
    if (moved) this.layout++;
    // A keystroke replaces one chunk with its next version: the counts change by the entries around the edit.
    if (removed.length === 1 && added.length === 1) {
      this.tally.replace(removed[0]!.chunk, added[0]!.chunk);
      added[0]!.findings.follows(removed[0]!.findings);
    } else {
      for (const place of removed) this.tally.remove(place.chunk);
      for (const place of added) this.tally.add(place.chunk);
    }
    if (reordered) {
      this.papers = new PaperIndex();
      this.papers.replace([], ordered);
    } else {
      this.papers.replace(removed, added);
    }
  }
}

function compareRanked(a: RankedFinding, b: RankedFinding): number {
  return comparePositions(a.finding.diagnostic.range.start, b.finding.diagnostic.range.start) || a.rule - b.rule;
}

/** Two lists each sorted by position and rule, as one list of findings. */
function mergeSorted(a: RankedFinding[], b: RankedFinding[]): Finding[] {
  const merged: Finding[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) merged.push(compareRanked(b[j]!, a[i]!) < 0 ? b[j++]!.finding : a[i++]!.finding);
  while (i < a.length) merged.push(a[i++]!.finding);
  while (j < b.length) merged.push(b[j++]!.finding);
  return merged;
}
