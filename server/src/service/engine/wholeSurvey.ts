import type { SurveyOutline } from '../model/types';
import type { PaperIndex } from './listings';

/**
 * What the whole-document rules read of one version of a document: its
 * outline at document lines, and the papers listed more than once.
 */
export interface WholeSurvey {
  readonly outline: SurveyOutline;
  readonly papers: PaperIndex;
  /** Changes whenever a chunk that stayed moved to another line: what was placed before must be placed again. */
  readonly layout: number;
}
