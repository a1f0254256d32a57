import { arxivIdProblem } from '../service/model/arxivId';
import type { ArxivRecord } from '../service/metadata';
import { cleanText } from '../untrustedText';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
// `cs.CL`, `hep-th`, `physics.comp-ph`, `q-bio.NC`: an archive, then perhaps a subject class.
const CATEGORY = /^[a-z]+(?:-[a-z]+)*(?:\.[A-Za-z]+(?:-[A-Za-z]+)*)?$/;

/**
 * The one door through which records enter: an arXiv answer (after the XML
 * is read) and the cache file (which anyone could have edited) both pass
 * here. A field of the wrong type rejects the record (undefined); a field of
 * the right type but not of its shape (a date that is no date) becomes null;
 * every text loses its control characters and escape sequences. What comes
 * out can be shown and written without further checks.
 */
export function checkedRecord(raw: unknown): ArxivRecord | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const r = raw as Record<string, unknown>;
  if (typeof r.id !== 'string' || arxivIdProblem(r.id) !== undefined) return undefined;
  if (typeof r.title !== 'string' || !Array.isArray(r.authors) || !r.authors.every((a) => typeof a === 'string')) return undefined;
  const texts = ['published', 'updated', 'primaryCategory', 'journalRef', 'doi', 'comment', 'abstract'] as const;
  if (!texts.every((field) => r[field] == null || typeof r[field] === 'string')) return undefined;
  if (r.version != null && typeof r.version !== 'number') return undefined;
  return {
    id: r.id,
    title: cleanText(r.title),
    authors: (r.authors as string[]).map(cleanText).filter((name) => name !== ''),
    published: shaped(r.published, DATE),
    updated: shaped(r.updated, DATE),
    version: Number.isSafeInteger(r.version) && (r.version as number) >= 1 ? (r.version as number) : null,
    primaryCategory: shaped(r.primaryCategory, CATEGORY),
    journalRef: optionalText(r.journalRef),
    doi: optionalText(r.doi),
    comment: optionalText(r.comment),
    abstract: optionalText(r.abstract),
  };
}

function shaped(value: unknown, shape: RegExp): string | null {
  return typeof value === 'string' && shape.test(value) ? value : null;
}

function optionalText(value: unknown): string | null {
  const text = typeof value === 'string' ? cleanText(value) : '';
  return text === '' ? null : text;
}
