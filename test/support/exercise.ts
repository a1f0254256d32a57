import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';
import { document, service } from './fixtures';

export function inside(doc: TextDocument, range: Range): boolean {
  const ok = (p: Position) => p.line >= 0 && p.character >= 0 && doc.offsetAt(p) <= doc.getText().length && doc.positionAt(doc.offsetAt(p)).line === p.line && doc.positionAt(doc.offsetAt(p)).character === p.character;
  return ok(range.start) && (ok(range.end) || (range.end.character === 0 && range.end.line === doc.lineCount));
}

/** Every feature on one text: nothing throws, no rule logs a failure, every range is inside the document. */
export function exercise(text: string): void {
  const logs: string[] = [];
  const svc = service(undefined, logs);
  const doc = document(text);
  const diagnostics = svc.getDiagnostics(doc);
  for (const d of diagnostics) assert.ok(inside(doc, d.range), `diagnostic ${String(d.code)} at ${JSON.stringify(d.range)} outside the document`);
  const whole: Range = { start: { line: 0, character: 0 }, end: doc.positionAt(text.length) };
  const actions = svc.getCodeActions(doc, whole, { diagnostics });
  for (const action of actions) for (const edit of action.edit?.changes?.[doc.uri] ?? []) assert.ok(inside(doc, edit.range), `edit of "${action.title}" outside the document`);
  for (const line of [0, Math.floor(doc.lineCount / 2), doc.lineCount - 1]) {
    const at = { line, character: 3 };
    svc.getHover(doc, at);
    svc.getCompletions(doc, at);
    svc.getDefinition(doc, at);
    svc.getReferences(doc, at, true);
    svc.prepareRename(doc, at);
  }
  svc.getDocumentSymbols(doc);
  svc.getFoldingRanges(doc);
  svc.getCodeLenses(doc);
  svc.getDocumentLinks(doc);
  TextDocument.applyEdits(doc, svc.getFixAllEdits(doc));
  assert.deepEqual(logs, [], 'no rule or feature failed');
}

