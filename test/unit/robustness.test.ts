import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { document, readShared, service } from '../support/fixtures';
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

/** Fix-all on the real lists, and every offered fix alone, are checked in `fixSafety.test.ts`. */
describe('fixes are safe', () => {
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
