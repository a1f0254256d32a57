import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import type { InsertPaperArgs } from '../../shared/protocol';
import type { BackgroundFetch } from './backgroundFetch';
import type { Metadata } from './metadata/setup';
import { parseArxivReference } from './service/model/arxivId';
import type { SurveyorLanguageService } from './service/languageService';

export interface InsertPaperDeps {
  service: SurveyorLanguageService;
  metadata: Metadata;
  background: BackgroundFetch;
  /** The open survey document at `uri`, or undefined when it is not one. */
  surveyDocument(uri: string): Promise<TextDocument | undefined>;
  /** Asks the editor to apply the edits; resolves with why it did not. */
  applyEdits(label: string, uri: string, edits: TextEdit[]): Promise<{ applied: boolean; failureReason?: string }>;
}

/**
 * Surveyor: Insert Paper from arXiv. Inserts the paper at the position,
 * fetching its metadata first when the snapshot and cache do not have it
 * and the settings allow; returns what to tell the user when it does not.
 */
export async function insertPaperCommand(deps: InsertPaperDeps, args: InsertPaperArgs): Promise<string | undefined> {
  const { metadata, background } = deps;
  const document = await deps.surveyDocument(args.uri);
  if (!document) return 'Surveyor: papers are inserted into survey files only (setting surveyor.files).';
  const ref = parseArxivReference(String(args.reference ?? ''));
  if (!ref) return `Surveyor: "${String(args.reference)}" is not an arXiv id or URL.`;
  let state = metadata.store.lookup(ref.id);
  if (state.kind !== 'known' && background.online(document.uri)) {
    await background.fetchAndWait(document.uri, [ref.id]);
    state = metadata.store.lookup(ref.id);
  }
  if (state.kind !== 'known') {
    const why = state.kind === 'missing' ? state.reason : background.online(document.uri) ? 'arXiv could not be reached' : 'surveyor.arxiv.online is off and the paper is not in the snapshot or cache';
    return `Surveyor: no metadata for arXiv ${ref.id}: ${why}.`;
  }
  const result = deps.service.getInsertPaper(document, args.position, state.record);
  if (result.kind === 'message') return `Surveyor: ${result.message}`;
  const applied = await deps.applyEdits(`Insert arXiv ${ref.id}`, document.uri, result.edits);
  return applied.applied ? undefined : `Surveyor: the editor did not apply the edit${applied.failureReason ? ` (${applied.failureReason})` : ''}.`;
}
