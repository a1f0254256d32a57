import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { RuleCode, SurveyorSettings } from '../../shared/settings';
import { document, service } from './fixtures';

/** The findings of one rule, as `line:col message` (1-based), top to bottom. */
export function findings(code: RuleCode, text: string, settings?: SurveyorSettings): string[] {
  return service(settings)
    .getDiagnostics(document(text))
    .filter((d) => d.code === code)
    .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
}

/** The quick fixes offered for the `index`-th finding of a rule. */
export function fixTitles(code: RuleCode, text: string, index = 0, settings?: SurveyorSettings): string[] {
  const doc = document(text);
  const svc = service(settings);
  const diagnostic = svc.getDiagnostics(doc).filter((d) => d.code === code)[index];
  assert.ok(diagnostic, `expected a ${code} finding`);
  return svc.getCodeActions(doc, diagnostic.range, { diagnostics: [diagnostic], only: ['quickfix'] }).map((a) => a.title);
}

/** Applies the quick fix titled `title` offered for the `index`-th finding of a rule, and returns the new text. */
export function applyFix(code: RuleCode, text: string, title: string, index = 0, settings?: SurveyorSettings): string {
  const doc = document(text);
  const svc = service(settings);
  const diagnostic = svc.getDiagnostics(doc).filter((d) => d.code === code)[index];
  assert.ok(diagnostic, `expected a ${code} finding`);
  const action = svc.getCodeActions(doc, diagnostic.range, { diagnostics: [diagnostic], only: ['quickfix'] }).find((a) => a.title === title);
  assert.ok(action, `expected a quick fix "${title}"`);
  return TextDocument.applyEdits(doc, action.edit!.changes![doc.uri]!);
}

/** Applies every safe fix (fix-all, `check --fix`) and returns the new text. */
export function fixAll(text: string, settings?: SurveyorSettings): string {
  const doc = document(text);
  return TextDocument.applyEdits(doc, service(settings).getFixAllEdits(doc));
}

/** A made-up entry in the reference survey's style, with the parts a test varies. */
export function entry(n: number, parts: { title?: string; authors?: string; venue?: string; links?: string } = {}): string {
  const title = parts.title ?? `A study of example number ${n}`;
  const authors = parts.authors ?? '_Doe, J. et al._';
  const venue = parts.venue ?? 'arXiv 2023';
  const links = parts.links ?? `[[paper](https://arxiv.org/abs/2305.${String(10000 + n)})]`;
  return `${n}. ${title}. ${authors} ${venue}. ${links}`;
}

/** `line:col` (1-based) of the first `needle` on 1-based line `line` of `text`, for the expected side of a finding. */
export function at(text: string, line: number, needle: string): string {
  const column = text.split('\n')[line - 1]!.indexOf(needle);
  assert.ok(column >= 0, `"${needle}" is not on line ${line}`);
  return `${line}:${column + 1}`;
}
