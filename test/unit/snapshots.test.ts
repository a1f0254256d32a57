import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { dedent, document, service } from '../support/fixtures';

/** Invariant: a model handed out is immutable; a feature holding one across an `await` reads the lines it was given. */
describe('models are snapshots', () => {
  const survey = dedent(`
    # Survey

    ## Methods

    1. First paper. _Doe, J._ arXiv 2023. [[paper](https://arxiv.org/abs/2305.10001)]
    2. Second paper. _Roe, R._ arXiv 2023. [[paper](https://arxiv.org/abs/2305.10002)]

    ## Data

    1. Third paper. _Poe, E._ arXiv 2022. [[paper](https://arxiv.org/abs/2205.10003)]
  `);
  const linesOf = (model: { entries: { range: { start: { line: number } }; title?: { range: { start: { line: number } } } }[]; sections: { range: { start: { line: number } } }[] }) => ({
    entries: model.entries.map((e) => [e.range.start.line, e.title?.range.start.line]),
    sections: model.sections.map((s) => s.range.start.line),
  });

  it('keeps version 1 lines in a model held from version 1 after lines are added above it', () => {
    const svc = service();
    const doc = document(survey);
    const held = svc.getModel(doc);
    const before = structuredClone(linesOf(held));
    for (let version = 2; version <= 4; version++) {
      TextDocument.update(doc, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'An introduction.\n\n' }], version);
      const now = svc.getModel(doc);
      assert.equal(now.entries[0]!.range.start.line, held.entries[0]!.range.start.line + 2 * (version - 1), 'the new model moved');
    }
    assert.deepEqual(linesOf(held), before, 'the held model still reports version 1 lines');
  });

  it('keeps a held outline too when a heading is added above it', () => {
    const svc = service();
    const doc = document(survey);
    const held = svc.getModel(doc);
    const before = structuredClone(linesOf(held));
    TextDocument.update(doc, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# New top\n\n' }], 2);
    svc.getModel(doc);
    assert.deepEqual(linesOf(held), before);
  });
});
