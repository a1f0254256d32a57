import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { SurveyorSettings } from '../../../shared/settings';
import { dedent, document, service, settingsWith } from '../../support/fixtures';

/** The list-numbering findings of a fixture, as `line: message` (1-based lines). */
function findings(text: string, settings?: SurveyorSettings): string[] {
  return service(settings)
    .getDiagnostics(document(text))
    .filter((d) => d.code === 'list-numbering')
    .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
}

/** Applies the fix-all edits and returns the new text. */
function fixAll(text: string, settings?: SurveyorSettings): string {
  const doc = document(text);
  return TextDocument.applyEdits(doc, service(settings).getFixAllEdits(doc));
}

/** Applies the "Renumber this list" quick fix offered at the first finding. */
function quickFix(text: string, settings?: SurveyorSettings): string {
  const doc = document(text);
  const svc = service(settings);
  const diagnostic = svc.getDiagnostics(doc).find((d) => d.code === 'list-numbering');
  assert.ok(diagnostic, 'expected a list-numbering finding');
  const actions = svc.getCodeActions(doc, diagnostic.range, { diagnostics: [diagnostic], only: ['quickfix'] });
  assert.equal(actions.length, 1);
  assert.equal(actions[0]!.title, 'Renumber this list');
  assert.equal(actions[0]!.isPreferred, true);
  return TextDocument.applyEdits(doc, actions[0]!.edit!.changes![doc.uri]!);
}

describe('list-numbering', () => {
  it('accepts lists numbered from 1 in sequence', () => {
    assert.deepEqual(findings('1. a\n2. b\n3. c\n'), []);
  });

  it('reports a gap once, on the number, saying what was expected', () => {
    assert.deepEqual(findings('1. a\n2. b\n4. c\n5. d\n6. e\n'), ['3:1 List numbering: expected 3, found 4.']);
  });

  it('reports a single wrong number once (the items after it are right)', () => {
    assert.deepEqual(findings('1. a\n2. b\n5. c\n4. d\n'), ['3:1 List numbering: expected 3, found 5.']);
  });

  it('reports a repeated number once', () => {
    assert.deepEqual(findings('1. a\n2. b\n2. c\n3. d\n'), ['3:1 List numbering: expected 3, found 2.']);
  });

  it('reports a list that does not start at 1', () => {
    assert.deepEqual(findings('# S\n\n3. a\n4. b\n'), ['3:1 List numbering: expected 1, found 3.']);
  });

  it('accepts a list written all `1.` in sequential style', () => {
    assert.deepEqual(findings('1. a\n\n1. b\n\n1. c\n'), []);
  });

  it('checks nested lists on their own', () => {
    assert.deepEqual(findings('1. a\n   1. x\n   3. y\n2. b\n'), ['3:4 List numbering: expected 2, found 3.']);
  });

  it('leaves bullet lists alone', () => {
    assert.deepEqual(findings('- a\n- b\n* c\n'), []);
  });

  it('style "ones" wants every item numbered 1, reported once per list', () => {
    const ones = settingsWith((s) => (s.numbering.style = 'ones'));
    assert.deepEqual(findings('1. a\n1. b\n1. c\n', ones), []);
    assert.deepEqual(findings('1. a\n2. b\n3. c\n', ones), ['2:1 List numbering: expected 1, found 2 (numbering.style is "ones"); 1 more item of this list too.']);
    assert.equal(fixAll('1. a\n2. b\n3. c\n', ones), '1. a\n1. b\n1. c\n');
  });

  it('start "any" lets a list start anywhere but still run in sequence', () => {
    const any = settingsWith((s) => (s.numbering.start = 'any'));
    assert.deepEqual(findings('5. a\n6. b\n', any), []);
    assert.deepEqual(findings('5. a\n7. b\n', any), ['2:1 List numbering: expected 6, found 7.']);
  });

  it('start "continue" goes on from the previous list of the same section', () => {
    const cont = settingsWith((s) => (s.numbering.start = 'continue'));
    const text = dedent(`
      ## A
      1. a
      2. b

      Some words in between.

      3. c
      4. d

      ## B
      1. e
    `);
    assert.deepEqual(findings(text, cont), []);
    assert.deepEqual(findings(text.replace('3. c', '1. c'), cont), ['7:1 List numbering: expected 3, found 1.']);
    assert.deepEqual(findings(text.replace('1. e', '5. e'), cont), ['11:1 List numbering: expected 1, found 5.']);
  });

  it('can be turned off', () => {
    assert.deepEqual(findings('1. a\n3. b\n', settingsWith((s) => (s.rules['list-numbering'] = 'off'))), []);
  });

  it('uses the configured severity', () => {
    const d = service(settingsWith((s) => (s.rules['list-numbering'] = 'error'))).getDiagnostics(document('1. a\n3. b\n'));
    assert.equal(d[0]!.severity, 1);
    assert.equal(d[0]!.source, 'surveyor');
  });
});

describe('Renumber this list', () => {
  it('rewrites only the numbers, keeping indentation, delimiters and the rest of each line', () => {
    const before = dedent(`
      Intro.

        1) first   item
        2) second
        4) third **bold** [[paper](https://arxiv.org/abs/2401.15422)]
        9) fourth
    `);
    const after = dedent(`
      Intro.

        1) first   item
        2) second
        3) third **bold** [[paper](https://arxiv.org/abs/2401.15422)]
        4) fourth
    `);
    assert.equal(quickFix(before), after);
  });

  it('keeps CRLF line endings and widens numbers past 9', () => {
    const before = ['1. a', ...Array.from({ length: 10 }, (_, i) => `${i + 3}. item`)].join('\r\n') + '\r\n';
    const after = ['1. a', ...Array.from({ length: 10 }, (_, i) => `${i + 2}. item`)].join('\r\n') + '\r\n';
    assert.equal(quickFix(before), after);
  });

  it('offers one action even when several findings of a list are in range', () => {
    const text = '1. a\n3. b\n3. c\n7. d\n';
    const doc = document(text);
    const svc = service();
    const actions = svc.getCodeActions(doc, { start: { line: 0, character: 0 }, end: { line: 4, character: 0 } }, { diagnostics: [] });
    assert.deepEqual(
      actions.filter((a) => a.kind === 'quickfix').map((a) => a.title),
      ['Renumber this list'],
    );
  });

  it('is idempotent: a second fix-all changes nothing', () => {
    const once = fixAll('1. a\n3. b\n3. c\n\n## S\n\n2. x\n5. y\n');
    assert.equal(once, '1. a\n2. b\n3. c\n\n## S\n\n1. x\n2. y\n');
    assert.equal(fixAll(once), once);
    assert.deepEqual(findings(once), []);
  });
});

describe('source actions', () => {
  it('"Renumber all lists" and source.fixAll.surveyor cover the whole document', () => {
    const text = '1. a\n3. b\n\n# S\n\n2. x\n';
    const doc = document(text);
    const svc = service();
    const whole = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const renumber = svc.getCodeActions(doc, whole, { diagnostics: [], only: ['source.renumberLists'] });
    assert.deepEqual(renumber.map((a) => a.title), ['Renumber all lists']);
    const fixAllActions = svc.getCodeActions(doc, whole, { diagnostics: [], only: ['source.fixAll'] });
    assert.deepEqual(fixAllActions.map((a) => a.kind), ['source.fixAll.surveyor']);
    for (const action of [...renumber, ...fixAllActions]) {
      assert.equal(TextDocument.applyEdits(doc, action.edit!.changes![doc.uri]!), '1. a\n2. b\n\n# S\n\n1. x\n');
    }
  });

  it('offers no source action when every list is right', () => {
    const doc = document('1. a\n2. b\n');
    assert.deepEqual(service().getCodeActions(doc, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, { diagnostics: [] }), []);
  });
});
