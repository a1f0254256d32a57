import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { Finding } from '../../server/src/service/engine/finding';
import type { SurveyDocument } from '../../server/src/service/model/types';
import { corpusFiles, document, readShared, ROOT, service } from '../support/fixtures';
import { CorruptedFixes } from '../support/corruptedFixes';
import { compareRenderings, render, renderChangedBlocks } from '../support/renderedLinks';

/**
 * What the safe fixes promise, since `surveyor check --fix` and fix-on-save
 * apply them unseen: every link and image GitHub renders is kept (same href or
 * src, same text or alt), except an arXiv link rewritten to the same id and a
 * fragment that led nowhere repaired to a heading; a second fix-all changes
 * nothing; no line without a finding changes; the same holds on corrupted
 * copies of the lists, where the fixes also repair nothing but the corruption
 * (`support/corruptedFixes.ts`); and the CLI keeps a byte-order mark and the
 * file's line endings.
 */

const LINE_BREAK = /\r\n|\r|\n/;

/** Corruptions of each list in `npm test`, seeds the stress test does not try (it takes 1, 2, 3, …). */
const CORRUPTIONS_IN_NPM_TEST = 1;
const SEEDS = Array.from({ length: CORRUPTIONS_IN_NPM_TEST }, (_, i) => 1_000_001 + i);

describe('safe fixes keep what GitHub renders', () => {
  const texts: [string, string][] = [
    ['the reference survey', readShared('seed', 'LLM-data-aug-survey.README.md')],
    ...corpusFiles().map((f): [string, string] => [path.basename(f), fs.readFileSync(f, 'utf8')]),
  ];

  /** Each list as fix-all leaves it, with the service that analysed it: what the corruptions below start from. */
  const converged = new Map<string, CorruptedFixes>();

  for (const [name, text] of texts) {
    it(`${name}: fix-all keeps every rendered link and image, converges, and changes only lines with a safe finding`, () => {
      const svc = service();
      const original = document(text);
      const findings = svc.getFindings(original);
      let doc = original;
      let firstRound: string | undefined;
      let rounds = 0;
      for (; rounds < 5; rounds++) {
        const edits = svc.getFixAllEdits(doc);
        if (edits.length === 0) break;
        doc = TextDocument.create(doc.uri, 'markdown', doc.version + 1, TextDocument.applyEdits(doc, edits));
        firstRound ??= doc.getText();
      }
      const fixed = doc.getText();
      const problems: string[] = [];

      const left = svc.getFixAllEdits(doc);
      if (left.length === 0) converged.set(name, new CorruptedFixes(svc, doc.uri, fixed));
      if (left.length > 0) problems.push(`A fix-all after ${rounds} rounds still edits:\n${left.slice(0, 5).map((e) => `    ${describeEdit(e, fixed)}`).join('\n')}`);

      if (firstRound !== undefined) {
        const stray = linesChangedWithoutFinding(text, firstRound, findings);
        if (stray.length > 0) problems.push(`The first fix-all changed lines no safe finding stands on:\n${stray.join('\n')}`);

        const [before, after] = renderChangedBlocks(text, fixed) ?? [render(text), render(fixed)];
        const differences = compareRenderings(before, after, {
          // Asked for only when a fragment differs: the original's with a service of its own, the fixed one's from the analysis at hand.
          anchorsBefore: () => headingAnchors(service().getModel(original)),
          anchorsAfter: () => headingAnchors(svc.getModel(doc)),
        });
        if (differences.length > 0) problems.push(`Fix-all (${rounds} round${rounds === 1 ? '' : 's'}) changed what GitHub renders: ${differences.join('\n')}`);
      }

      // Every offered fix, alone: only the lines its edits touch change (a removed entry removes its lines).
      const before = text.split('\n');
      for (const finding of findings) {
        for (const fix of finding.fixes) {
          const touched = new Set(fix.edits.flatMap((e) => lineNumbers(e.range)));
          const after = TextDocument.applyEdits(original, fix.edits).split('\n');
          if (fix.edits.some((e) => e.newText === '' && e.range.end.line > e.range.start.line)) {
            if (after.length >= before.length) problems.push(`"${fix.title}" (line ${finding.diagnostic.range.start.line + 1}) should delete lines`);
            continue;
          }
          if (after.length !== before.length) problems.push(`"${fix.title}" (line ${finding.diagnostic.range.start.line + 1}) changes the line count`);
          else before.forEach((line, i) => {
            if (!touched.has(i) && after[i] !== line) problems.push(`"${fix.title}" (line ${finding.diagnostic.range.start.line + 1}) changed line ${i + 1}`);
          });
        }
      }

      if (problems.length > 0) assert.fail(`${name}:\n${problems.join('\n\n')}`);
    });

    // A few here; `test/stress/fixSafetyCorpus.test.ts` tries hundreds.
    it(`${name}: on ${CORRUPTIONS_IN_NPM_TEST} corrupted copies too, and the fixes repair only the corruption`, (t) => {
      const corrupted = converged.get(name);
      if (!corrupted) return t.skip('fix-all did not converge on the list itself (the test above fails)');
      const failures = SEEDS.flatMap((seed) => corrupted.check(seed) ?? []);
      assert.deepEqual(failures, [], failures.join('\n'));
    });
  }
});


function lineNumbers(range: Range): number[] {
  return Array.from({ length: range.end.line - range.start.line + 1 }, (_, i) => range.start.line + i);
}

function headingAnchors(model: SurveyDocument): Set<string> {
  return new Set(model.sections.flatMap((s) => (s.slug === undefined ? [] : [s.slug])));
}

/**
 * The lines the first round changed that no finding with a safe fix stands on,
 * described with the fix that changed them. A renumbering is reported once,
 * where the list goes wrong, and rewrites the numbers of the items after it:
 * those lines may change in their leading number only.
 */
function linesChangedWithoutFinding(before: string, after: string, findings: Finding[]): string[] {
  const safe = findings.filter((f) => f.fixes.some((x) => x.safe));
  const onFinding = new Set(safe.flatMap((f) => lines(f.diagnostic.range)));
  const renumbered = new Set(safe.filter((f) => f.diagnostic.code === 'list-numbering').flatMap((f) => f.fixes.filter((x) => x.safe).flatMap((x) => x.edits.flatMap((e) => lines(e.range)))));
  const a = before.split(LINE_BREAK);
  const b = after.split(LINE_BREAK);
  const changedBy = (line: number) =>
    safe.flatMap((f) => f.fixes.filter((x) => x.safe && x.edits.some((e) => lines(e.range).includes(line))).map((x) => `"${x.title}" (${String(f.diagnostic.code)} on line ${f.diagnostic.range.start.line + 1})`));
  if (a.length !== b.length) {
    const breaking = safe.flatMap((f) => f.fixes.filter((x) => x.safe && x.edits.some((e) => LINE_BREAK.test(e.newText) || e.range.end.line > e.range.start.line)).map((x) => `"${x.title}" (${String(f.diagnostic.code)} on line ${f.diagnostic.range.start.line + 1})`));
    return [`    the line count went from ${a.length} to ${b.length}; safe fixes that add or remove line breaks: ${breaking.slice(0, 5).join(', ') || 'none'}`];
  }
  const stray: string[] = [];
  a.forEach((line, i) => {
    if (line === b[i] || onFinding.has(i)) return;
    if (renumbered.has(i) && leadingNumberOnly(line) === leadingNumberOnly(b[i]!)) return;
    stray.push(`    line ${i + 1}, changed by ${changedBy(i).join(' and ') || 'no safe fix'}: ${changeOf(line, b[i]!)}\n      before: ${JSON.stringify(line)}\n      after:  ${JSON.stringify(b[i])}`);
  });
  return stray.length > 10 ? [...stray.slice(0, 10), `    … and ${stray.length - 10} more lines`] : stray;
}

function lines(range: Range): number[] {
  return Array.from({ length: range.end.line - range.start.line + 1 }, (_, k) => range.start.line + k);
}

function leadingNumberOnly(line: string): string {
  return line.replace(/^((?:[ \t]*>)*[ \t]*)\d+/, '$1#');
}

/** The part of a line that changed, as `old → new` (common prefix and suffix left out). */
function changeOf(before: string, after: string): string {
  let start = 0;
  while (start < before.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return `${JSON.stringify(before.slice(start, before.length - end))} → ${JSON.stringify(after.slice(start, after.length - end))}`;
}

function describeEdit(edit: TextEdit, text: string): string {
  const doc = TextDocument.create('file:///x.md', 'markdown', 0, text);
  const old = text.slice(doc.offsetAt(edit.range.start), doc.offsetAt(edit.range.end));
  return `line ${edit.range.start.line + 1}:${edit.range.start.character + 1}: ${JSON.stringify(old)} → ${JSON.stringify(edit.newText)}`;
}

describe('surveyor check --fix keeps the bytes it does not fix', () => {
  const CLI = path.join(ROOT, 'dist', 'cli.js');
  const BOM = '\ufeff';
  /** Two defects with a safe fix: a numbering gap and a venue one edit from arXiv. */
  const LINES = [
    '# Papers',
    '',
    '1. Scaling Things Up. _Doe, J. et al._ arXiv 2023. [[paper](https://arxiv.org/abs/2305.16289)]',
    '2. Learning From Less. _Roe, R._ arKiv 2023. [[paper](https://arxiv.org/abs/2306.01234)]',
    '4. Better Benchmarks. _Poe, E._ arXiv 2023. [[paper](https://arxiv.org/abs/2307.04321)]',
    '',
  ];
  const FIXED = [...LINES];
  FIXED[3] = FIXED[3]!.replace('arKiv', 'arXiv');
  FIXED[4] = FIXED[4]!.replace(/^4\./, '3.');
  const CASES = [
    { what: 'a BOM and CRLF line endings', file: 'bom-crlf.md', eol: '\r\n', bom: true },
    { what: 'LF line endings', file: 'lf.md', eol: '\n', bom: false },
    { what: 'lone CR line endings', file: 'cr.md', eol: '\r', bom: false },
  ] as const;

  /** The text with its line breaks and a BOM made visible. */
  const visible = (s: string) => JSON.stringify(s).replace(/\ufeff/g, '\\ufeff');

  /** One `check --fix` over every case's file, then a second: what the first wrote, and what the second did. */
  let first: { status: number | null; stderr: string; written: Map<string, string> };
  let second: { status: number | null; stderr: string; written: Map<string, string> };
  before(() => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'surveyor-fixsafety-'));
    try {
      fs.mkdirSync(path.join(dir, '.git'));
      for (const c of CASES) fs.writeFileSync(path.join(dir, c.file), (c.bom ? BOM : '') + LINES.join(c.eol));
      const run = () => {
        const r = spawnSync(process.execPath, [CLI, 'check', '--fix', ...CASES.map((c) => c.file)], { cwd: dir, encoding: 'utf8' });
        return { status: r.status, stderr: r.stderr.trim(), written: new Map(CASES.map((c) => [c.file, fs.readFileSync(path.join(dir, c.file), 'utf8')])) };
      };
      first = run();
      second = run();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  for (const { what, file, eol, bom } of CASES) {
    it(`${what}: fixes the defects, keeps ${bom ? 'the BOM and ' : ''}every line ending, and a second --fix changes nothing`, () => {
      assert.equal(first.status, 0, first.stderr);
      assert.match(first.stderr, new RegExp(`fixed ${file.replace('.', '\\.')}`));
      const after = first.written.get(file)!;
      const problems: string[] = [];
      if (after.startsWith(BOM) !== bom) problems.push(bom ? `the byte-order mark is lost: the file now starts ${visible(after.slice(0, 12))}` : 'a byte-order mark was added');
      const breaks = after.match(/\r\n|\r|\n/g) ?? [];
      const others = breaks.filter((b) => b !== eol);
      if (others.length > 0 || breaks.length !== LINES.length - 1) {
        problems.push(`${others.length} of ${breaks.length} line endings are not ${visible(eol)} (${[...new Set(others)].map(visible).join(', ')}); ${LINES.length - 1} expected`);
      }
      const lines = after.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
      FIXED.forEach((line, i) => {
        if (lines[i] !== line) problems.push(`line ${i + 1} is ${visible(lines[i] ?? '(missing)')}, expected ${visible(line)}`);
      });
      if (second.status !== 0) problems.push(`the second --fix exited ${second.status}: ${second.stderr}`);
      if (second.written.get(file) !== after) problems.push(`the second --fix changed the file again: ${visible(second.written.get(file)!)}`);
      assert.deepEqual(problems, [], `--fix on a file with ${what}; it wrote ${visible(after)}`);
      assert.equal(visible(after), visible((bom ? BOM : '') + FIXED.join(eol)), 'byte for byte');
    });
  }
});
