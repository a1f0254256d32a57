import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import { corpusFiles, document, readShared, service } from '../support/fixtures';
import * as fs from 'node:fs';
import { PROPERTY_RUNS } from '../support/propertyRuns';
import { exercise } from '../support/exercise';

/**
 * The server's promise to every README it is given: nothing throws, nothing
 * hangs, every range lies inside the document, positions count UTF-16 code
 * units, and fixes converge.
 */

/** Pieces of survey-like Markdown, hostile ones included. */
const LINE_PIECES = [
  '# Survey', '## Approaches', '### Top-K Selection', '***Bold category***', '', '   ', '\t- tabbed bullet',
  '1. Title. _Doe, J. et al._ arXiv 2023. [[paper](https://arxiv.org/abs/2305.16289)][[code](https://github.com/a/b)}',
  '2. Title 😀 with emoji. _Tarj{\\\'a}n, B._ arKiv 2022. [[paper](https://arxiv.org/abs/2313.00001)]',
  '3. **"Bold title"**. *Authors*. NeurIPS 2020. [[Paper]](http://arxiv.org/pdf/2005.14165v2.pdf)',
  '- [**Ruby**] "Quoted" [2022-04] [ICPC 2022] [[paper](https://arxiv.org/abs/2204.09653)]',
  '[[unclosed](https://x.org', '[label] (https://x.org)', '[[paper]()]', '<a href="#Nowhere">x</a>', '[toc](#top-k-selectiong)',
  '<details>', '</details>', '```', '~~~', '<!--', '-->', '<!-- surveyor-disable -->', '<!-- surveyor-enable venue-typo -->',
  '> > > deep quote', '            - deeply', '                - nested', '\u0000', '\u0007\u001b[31m', '\ud800 lone surrogate', 'e\u0301\u0301 combining',
  '\ufeffBOM inside', 'arXiv:2401.15422 in prose', 'https://arxiv.org/abs/hep-th/9901001v0',
];

const surveyLike = fc
  .array(fc.oneof(fc.constantFrom(...LINE_PIECES), fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 })), { maxLength: 60 })
  .chain((lines) => fc.tuple(fc.constant(lines), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean()))
  .map(([lines, eol, bom]) => (bom ? '\ufeff' : '') + lines.join(eol));

describe('robustness', () => {
  it('never throws and keeps every range inside the document, on survey-like Markdown and arbitrary strings', () => {
    fc.assert(fc.property(surveyLike, exercise), { numRuns: PROPERTY_RUNS * 4 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), exercise), { numRuns: PROPERTY_RUNS * 2 });
  });

  it('counts positions in UTF-16: an emoji before a defect moves the squiggle by two code units', () => {
    const plain = '1. Title. _Doe, J._ arKiv 2023. [[paper](https://arxiv.org/abs/2305.16289)]\n';
    const emoji = '1. Title 😀. _Doe, J._ arKiv 2023. [[paper](https://arxiv.org/abs/2305.16289)]\n';
    const at = (text: string) => service().getDiagnostics(document(text)).find((d) => d.code === 'venue-typo')!.range.start.character;
    assert.equal(at(emoji) - at(plain), 3, 'a space and an emoji of two code units');
    assert.equal(emoji.indexOf('arKiv'), at(emoji));
  });
});

describe('fixes are safe', () => {
  const texts: [string, string][] = [['the reference survey', readShared('seed', 'LLM-data-aug-survey.README.md')], ...corpusFiles().map((f): [string, string] => [f.split('/').pop()!, fs.readFileSync(f, 'utf8')])];

  for (const [name, text] of texts) {
    it(`${name}: fix-all converges and is idempotent, and no fix changes a line it does not edit`, () => {
      const svc = service();
      let doc = document(text);
      for (let round = 0; round < 5; round++) {
        const edits = svc.getFixAllEdits(doc);
        if (edits.length === 0) break;
        doc = TextDocument.create(doc.uri, 'markdown', doc.version + 1, TextDocument.applyEdits(doc, edits));
      }
      assert.deepEqual(svc.getFixAllEdits(doc), [], 'a second fix-all changes nothing');
      const safeLeft = svc.getDiagnostics(doc).filter((d) => svc.getCodeActions(doc, d.range, { diagnostics: [d], only: ['quickfix'] }).length > 0 && d.code !== 'title-mismatch');
      const stillSafe = safeLeft.filter((d) => {
        const finding = svc.getFindings(doc).find((f) => f.diagnostic === d);
        return finding?.fixes.some((f) => f.safe);
      });
      assert.deepEqual(stillSafe.map((d) => `${d.range.start.line + 1} ${String(d.code)}`), [], 'no safe fix left unapplied');

      // Every offered fix, alone: only the lines its edits touch change.
      const original = document(text);
      for (const finding of svc.getFindings(original)) {
        for (const fix of finding.fixes) {
          const touched = new Set(fix.edits.flatMap((e: TextEdit) => range(e.range.start.line, e.range.end.line)));
          const deletesLines = fix.edits.some((e) => e.newText === '' && e.range.end.line > e.range.start.line);
          const after = TextDocument.applyEdits(original, fix.edits).split('\n');
          const before = text.split('\n');
          if (deletesLines) {
            assert.ok(after.length < before.length, `${fix.title} deletes lines`);
            continue;
          }
          assert.equal(after.length, before.length, `${fix.title} keeps the line count`);
          before.forEach((line, i) => {
            if (!touched.has(i)) assert.equal(after[i], line, `${fix.title} (line ${finding.diagnostic.range.start.line + 1}) changed line ${i + 1}`);
          });
        }
      }
    });
  }

  it('applying the quick fixes one at a time, in any order, leaves nothing fixable', () => {
    const base = readShared('seed', 'LLM-data-aug-survey.README.md');
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 30, maxLength: 30 }), (choices) => {
        const svc = service();
        let doc = document(base);
        for (const choice of choices) {
          const fixable = svc.getFindings(doc).filter((f) => f.fixes.length > 0 && f.diagnostic.code !== 'duplicate-entry');
          if (fixable.length === 0) return;
          const finding = fixable[choice % fixable.length]!;
          doc = TextDocument.create(doc.uri, 'markdown', doc.version + 1, TextDocument.applyEdits(doc, finding.fixes[0]!.edits));
        }
        const left = svc.getFindings(doc).filter((f) => f.fixes.length > 0 && f.diagnostic.code !== 'duplicate-entry');
        assert.deepEqual(left.map((f) => `${f.diagnostic.range.start.line + 1} ${String(f.diagnostic.code)}`), []);
      }),
      { numRuns: Math.max(5, PROPERTY_RUNS / 3) },
    );
  });
});

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
