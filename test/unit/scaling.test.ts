import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Position, TextEdit } from 'vscode-languageserver-types';
import { defaultSettings } from '../../shared/settings';
import { SurveyAnalysis } from '../../server/src/service/engine/analysis';
import { PaperIndex, type ChunkPlace } from '../../server/src/service/engine/listings';
import { selectionRanges, MAX_SELECTION_POSITIONS } from '../../server/src/service/features/selectionRanges';
import { NO_METADATA } from '../../server/src/service/metadata';
import { IncrementalParser, parseWhole } from '../../server/src/service/model/documentParser';
import type { ParsedSurvey } from '../../server/src/service/model/parsedSurvey';
import type { Entry, ListBlock, Section, SurveyDocument } from '../../server/src/service/model/types';
import { NO_FILES } from '../../server/src/service/repositoryFiles';
import { MAX_RENUMBERED } from '../../server/src/service/rules/duplicate-entry';
import { entryRule } from '../../server/src/service/rules/entryRule';
import { mergeFixEdits } from '../../server/src/service/textEdits';
import { document, service } from '../support/fixtures';

/**
 * Work that must grow with what changed, or with the input, never faster:
 * a keystroke in one long list (issue 14, item 5), the same entry pasted
 * many times (item 6), a selection-range request with many positions
 * (item 7). Counted where the work can be counted; timed only as a ratio.
 * The keystroke's cost against a list of 100 is printed by `npm run bench`
 * and checked at 5,000 entries, as a ratio, in test/stress/scaling.test.ts.
 */

/** One section, one numbered list of `count` different papers (short lines: cheap to parse cold). */
function list(count: number): string {
  const lines = ['# Survey', '', '## Papers', ''];
  for (let i = 0; i < count; i++) lines.push(`${i + 1}. A study of example number ${i}. _Doe, J. et al._ arXiv 2023. [[paper](https://arxiv.org/abs/2301.${10000 + i})]`);
  return lines.join('\n') + '\n';
}

/** The text with one character typed at the start of the title of entry `index` (0-based). */
function typed(text: string, index: number, character = 'x'): string {
  const lines = text.split('\n');
  lines[4 + index] = lines[4 + index]!.replace(/^(\d+\. )/, `$1${character}`);
  return lines.join('\n');
}

const ENTRIES = 1_000;

describe('a keystroke in one long list costs the entries around it', () => {
  // One list read cold, then again after a character typed into entry 567.
  const parser = new IncrementalParser();
  const before = parser.parse(list(ENTRIES));
  const after = parser.parse(typed(list(ENTRIES), 567));
  const chunkOf = (parsed: ParsedSurvey) => parsed.chunks.find((c) => c.chunk.alone.entries.length > 0)!;

  it('keeps the objects of the entries the edit did not touch', () => {
    const was = new Set(chunkOf(before).chunk.alone.entries);
    const kept = chunkOf(after).chunk.alone.entries.filter((e) => was.has(e)).length;
    // A piece holds a few dozen entries at most: all the others are found again, not copied.
    assert.ok(kept >= ENTRIES - 64, `${kept} of ${ENTRIES} entries kept`);
  });

  it('checks only the entries around the edit with rules that look at one entry at a time', () => {
    let checked = 0;
    const counting = entryRule('invalid-arxiv-id', () => {
      checked++;
      return [];
    });
    const analysis = new SurveyAnalysis([counting]);
    const context = { uri: 'file:///survey/README.md', settings: defaultSettings(), metadata: NO_METADATA, files: NO_FILES, metadataGeneration: 0, log: (m: string) => assert.fail(m) };
    analysis.analyse(before, context);
    assert.equal(checked, ENTRIES);
    checked = 0;
    analysis.analyse(after, context);
    assert.ok(checked > 0 && checked <= 64, `${checked} entries checked after one keystroke`);
  });

  it('finds the listings of the untouched entries again without comparing their contents', () => {
    const place = (parsed: ParsedSurvey): ChunkPlace => ({ chunk: chunkOf(parsed).chunk, firstLine: chunkOf(parsed).firstLine, order: 1 });
    const index = new PaperIndex();
    const first = place(before);
    index.replace([], [first]);
    // Before, every entry of the chunk was turned into JSON, twice, on every keystroke.
    const stringify = JSON.stringify;
    let calls = 0;
    JSON.stringify = ((...args: Parameters<typeof stringify>) => {
      calls++;
      return stringify(...args);
    }) as typeof stringify;
    try {
      index.replace([first], [place(after)]);
    } finally {
      JSON.stringify = stringify;
    }
    assert.equal(calls, 0);
    assert.equal(index.repeated.size, 0);
  });

  it('reads a list cut again around an edit as a whole parse does', () => {
    const again = new IncrementalParser();
    let text = list(80);
    again.parse(text);
    const edits = [
      (t: string) => typed(t, 40),
      (t: string) => t.replace('number 60.', 'number 60.\n   continued'),
      (t: string) => t.replace('number 30.', 'number 30.\n\n1. inserted'),
      (t: string) => t.replace(/\n[^\n]*number 70\.[^\n]*/, ''),
      (t: string) => t.replace('number 20.', 'number 20.\n   ```'),
      (t: string) => t.replace('number 20.\n   ```', 'number 20.'),
    ];
    for (const edit of edits) {
      text = edit(text);
      assert.deepStrictEqual(again.parse(text).model, parseWhole(text));
    }
  });
});

describe('the same entry pasted many times', () => {
  /** `copies` copies of one entry, numbered, with an http arXiv link (a safe fix each). */
  const copies = (count: number) => {
    const lines = ['## Papers', ''];
    for (let i = 0; i < count; i++) lines.push(`${i + 1}. The same paper. _Doe, J. et al._ arXiv 2023. [[paper](http://arxiv.org/abs/2305.16289)]`);
    return lines.join('\n') + '\n';
  };
  const size = (count: number) => {
    const findings = service().getFindings(document(copies(count)));
    const edits = findings.reduce((n, f) => n + f.fixes.reduce((m, fix) => m + fix.edits.length, 0), 0);
    const related = findings.reduce((n, f) => n + (f.diagnostic.relatedInformation?.length ?? 0), 0);
    return { findings: findings.length, edits, related };
  };

  it('makes findings and fixes whose size grows with the copies, not with their square', () => {
    const small = size(250);
    const big = size(600);
    assert.equal(big.findings, 2 * 600 - 1, 'one duplicate-entry per copy after the first, one arxiv-url-style per copy');
    // Each removal renumbers at most MAX_RENUMBERED items after it (every item after it, before: 180,000 edits here).
    assert.ok(big.edits <= 600 * (MAX_RENUMBERED + 2), `${big.edits} edits`);
    assert.ok(big.edits / small.edits < (600 / 250) * 1.5, `${small.edits} edits for 250 copies, ${big.edits} for 600`);
    assert.ok(big.related <= 600, `${big.related} related places`);
  });

  it('merges the fixes of fix-all in time that grows with their number (a ratio)', () => {
    const fixesFor = (count: number) => Array.from({ length: count }, (_, i) => ({ edits: [{ range: { start: { line: i, character: 4 }, end: { line: i, character: 9 } }, newText: 'https' }] as TextEdit[] }));
    const merge = (count: number) => {
      const fixes = fixesFor(count);
      // The fixes in reverse: each is taken before the ones already taken.
      fixes.reverse();
      const start = performance.now();
      const merged = mergeFixEdits(fixes);
      const ms = performance.now() - start;
      assert.equal(merged.length, count);
      return ms;
    };
    merge(2_000);
    const small = Math.min(merge(2_000), merge(2_000));
    const big = Math.min(merge(20_000), merge(20_000));
    // Ten times the fixes; comparing each with every one taken before was a hundred times the work.
    assert.ok(big / small < 40, `${small.toFixed(1)} ms for 2,000 fixes, ${big.toFixed(1)} ms for 20,000`);
  });

  it('keeps each fix whole, and a shared fix once', () => {
    const at = (line: number, from: number, to: number, newText: string): TextEdit => ({ range: { start: { line, character: from }, end: { line, character: to } }, newText });
    const shared = { edits: [at(3, 0, 1, '2'), at(4, 0, 1, '3')] };
    const merged = mergeFixEdits([shared, { edits: [at(1, 2, 5, 'a')] }, shared, { edits: [at(1, 4, 6, 'b'), at(9, 0, 0, 'c')] }, { edits: [at(1, 5, 5, 'd')] }]);
    // The fourth collides with the second and is left whole; the fifth inserts at the second's end, which is no collision.
    assert.deepEqual(merged, [at(1, 2, 5, 'a'), at(1, 5, 5, 'd'), at(3, 0, 1, '2'), at(4, 0, 1, '3')]);
  });
});

describe('selection ranges for many positions', () => {
  it('answers the first positions in full and the rest with their place alone, and says so', () => {
    const text = list(50);
    const doc = service().getModel(document(text));
    const positions: Position[] = Array.from({ length: 200_000 }, (_, i) => ({ line: 4 + (i % 50), character: 5 }));
    const logs: string[] = [];
    const ranges = selectionRanges(doc, positions, (m) => logs.push(m));
    assert.equal(ranges.length, positions.length);
    assert.ok(ranges[MAX_SELECTION_POSITIONS - 1]!.parent, 'answered in full');
    assert.deepEqual(ranges[MAX_SELECTION_POSITIONS], { range: { start: positions[MAX_SELECTION_POSITIONS], end: positions[MAX_SELECTION_POSITIONS] } });
    assert.equal(logs.length, 1);
    assert.match(logs[0]!, /200000 positions .* first 1000/);
  });

  it('gives what a search through every entry, list and section gives', () => {
    const text = `# S\n\n## A\n\n${list(30).split('\n').slice(4).join('\n')}\n### B\n\n- x\n  1. y\n\n## C\ntext\n`;
    const doc = service().getModel(document(text));
    const positions: Position[] = [];
    for (let line = 0; line < text.split('\n').length + 1; line++) for (const character of [0, 1, 4, 20, 200]) positions.push({ line, character });
    assert.deepEqual(selectionRanges(doc, positions, () => {}), positions.map((p) => bruteForce(doc, p)));
  });

  it('costs per position a search, not a pass over the document (a ratio)', () => {
    const time = (entries: number) => {
      const doc = syntheticDocument(entries);
      // Spread over the whole list: a search from its start finds an entry near its end late.
      const positions: Position[] = Array.from({ length: 1_000 }, (_, i) => ({ line: 1 + ((i * 7919) % entries), character: 5 }));
      const start = performance.now();
      for (let i = 0; i < 3; i++) selectionRanges(doc, positions, () => {});
      return performance.now() - start;
    };
    time(1_000);
    const small = Math.min(time(1_000), time(1_000));
    const big = Math.min(time(50_000), time(50_000));
    // Fifty times the entries: a pass over them for each position was fifty times the work.
    assert.ok(big / small < 10, `${small.toFixed(1)} ms among 1,000 entries, ${big.toFixed(1)} ms among 50,000`);
  });
});

/** The chain a selection grows through, found by looking at everything (what `selectionRanges` did before). */
function bruteForce(doc: SurveyDocument, position: Position) {
  const contains = (r: { start: Position; end: Position }) => cmp(r.start, position) <= 0 && cmp(position, r.end) <= 0;
  const chain: { start: Position; end: Position }[] = [];
  const entry = doc.entries.find((e) => contains(e.range));
  if (entry) {
    const fields = [entry.title, entry.authors, entry.venue, entry.year].flatMap((s) => (s ? [s.range] : []));
    for (const link of entry.links) fields.push(link.url.range, link.label.range, link.range);
    const field = fields.find(contains);
    if (field) chain.push(field);
    chain.push(entry.range);
  }
  for (const list of doc.lists.filter((l) => contains(l.range)).sort((a, b) => b.depth - a.depth)) chain.push(list.range);
  for (const section of doc.sections.filter((s) => contains({ start: s.range.start, end: s.bodyRange.end })).reverse()) chain.push({ start: section.range.start, end: section.bodyRange.end });
  if (chain.length === 0) chain.push({ start: position, end: position });
  let selection: { range: { start: Position; end: Position }; parent?: unknown } | undefined;
  for (const range of chain.reverse()) selection = selection ? { range, parent: selection } : { range };
  return selection;
}

function cmp(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** A model of one section and one list of `count` one-line entries, made without parsing. */
function syntheticDocument(count: number): SurveyDocument {
  const line = (n: number, from: number, to: number) => ({ start: { line: n, character: from }, end: { line: n, character: to } });
  const entries: Entry[] = Array.from({ length: count }, (_, i) => ({ range: line(i + 1, 3, 40), title: { text: `T${i}`, range: line(i + 1, 3, 10) }, links: [], linkIssues: [] }));
  const list: ListBlock = { ordered: true, range: { start: { line: 1, character: 0 }, end: { line: count, character: 40 } }, depth: 0, items: entries.map((entry, i) => ({ range: line(i + 1, 0, 40), marker: { delimiter: '.', number: i + 1 }, entry })) };
  const section: Section = { kind: 'heading', depth: 2, level: 2, text: 'A', slug: 'a', range: line(0, 0, 4), textRange: line(0, 3, 4), parent: -1, children: [], bodyRange: { start: { line: 0, character: 0 }, end: { line: count + 1, character: 0 } } };
  return { sections: [section], anchors: [], explicitAnchors: [], suppressions: [], fileLinks: [], problems: [], lineCount: count + 2, lists: [list], entries };
}
