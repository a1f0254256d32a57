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
  /** How long the command waits for arXiv before it tells the user (default `ANSWER_WITHIN_MS`). */
  answerWithinMs?: number;
}

/** The user waits on the command: past this it answers anyway, and the fetch goes on in the background. */
export const ANSWER_WITHIN_MS = 5000;
/** The longest the command's own request waits when arXiv asks to slow down (429/503). */
const BACKOFF_MS = 3000;

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
  let answered = true;
  if (state.kind !== 'known' && background.online(document.uri)) {
    answered = await within(background.fetchAndWait(document.uri, [ref.id], BACKOFF_MS), deps.answerWithinMs ?? ANSWER_WITHIN_MS);
    state = metadata.store.lookup(ref.id);
  }
  if (state.kind !== 'known') {
    const why =
      state.kind === 'missing'
        ? state.reason
        : !background.online(document.uri)
          ? 'surveyor.arxiv.online is off and the paper is not in the snapshot or cache'
          : !answered || state.kind === 'fetching'
            ? 'arXiv has not answered yet; the paper is still being fetched, so try again in a moment'
            : (state.lastFailure ?? 'arXiv could not be reached');
    return `Surveyor: no metadata for arXiv ${ref.id}: ${why}.`;
  }
  const result = deps.service.getInsertPaper(document, args.position, state.record);
  if (result.kind === 'message') return `Surveyor: ${result.message}`;
  const applied = await deps.applyEdits(`Insert arXiv ${ref.id}`, document.uri, result.edits);
  return applied.applied ? undefined : `Surveyor: the editor did not apply the edit${applied.failureReason ? ` (${applied.failureReason})` : ''}.`;
}

/** Whether `work` settled within `ms` (it goes on either way). */
function within(work: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    work.then(
      () => resolve(true),
      () => resolve(true),
    ).finally(() => clearTimeout(timer));
  });
}
