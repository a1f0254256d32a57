import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction, type CodeActionContext, type Range, type TextEdit } from 'vscode-languageserver-types';
import { CodeActionKinds } from '../../../../shared/protocol';
import type { Finding } from '../engine/finding';
import { rangesTouch } from '../model/positions';

/**
 * Quick fixes for the findings at `range`, each offered once even when several
 * findings share it, plus the document-wide source actions.
 */
export interface DocumentWideEdits {
  renumberAll: TextEdit[];
  fixAll: TextEdit[];
}

export function codeActions(document: TextDocument, range: Range, context: CodeActionContext, findings: Finding[], whole: DocumentWideEdits): CodeAction[] {
  const wants = (kind: string) => !context.only || context.only.some((only) => kind === only || kind.startsWith(`${only}.`));
  const actions: CodeAction[] = [];
  const edit = (edits: TextEdit[]) => ({ changes: { [document.uri]: edits } });

  if (wants(CodeActionKind.QuickFix)) {
    const byKey = new Map<string, CodeAction>();
    for (const finding of findings) {
      if (!rangesTouch(finding.diagnostic.range, range)) continue;
      for (const fix of finding.fixes) {
        const key = fix.title + JSON.stringify(fix.edits);
        const existing = byKey.get(key);
        if (existing) {
          existing.diagnostics!.push(finding.diagnostic);
          continue;
        }
        const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [finding.diagnostic], edit: edit(fix.edits) };
        if (fix.isPreferred) action.isPreferred = true;
        byKey.set(key, action);
        actions.push(action);
      }
    }
  }
  if (wants(CodeActionKinds.renumberAllLists) && whole.renumberAll.length > 0) {
    actions.push({ title: 'Renumber all lists', kind: CodeActionKinds.renumberAllLists, edit: edit(whole.renumberAll) });
  }
  if (wants(CodeActionKinds.fixAll) && whole.fixAll.length > 0) {
    actions.push({ title: 'Fix all Surveyor problems', kind: CodeActionKinds.fixAll, edit: edit(whole.fixAll) });
  }
  return actions;
}
