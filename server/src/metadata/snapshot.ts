import shipped from '../../../data/arxiv/snapshot.json';
import type { ArxivRecord } from '../service/metadata';

/**
 * The bundled snapshot (`data/arxiv/snapshot.json`): every arXiv paper of the
 * reference survey, so that hover works offline out of the box. Built into
 * the server bundle; `npm run data:refresh` regenerates it.
 */
export function loadSnapshot(): Map<string, ArxivRecord> {
  return new Map((shipped.records as ArxivRecord[]).map((r) => [r.id, r]));
}
