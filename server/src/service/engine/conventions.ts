import { paperLink } from '../model/identity';
import type { Entry } from '../model/types';

/** The styles an entry is held to when its list (or, for a short list, the survey) usually has them. */
export const CONVENTIONS = {
  authors: (e: Entry) => !!e.authors,
  year: (e: Entry) => !!e.year,
  italicAuthors: (e: Entry) => e.authorsStyle === 'italic',
  paperLink: (e: Entry) => !!e.arxiv || !!paperLink(e),
} satisfies Record<string, (e: Entry) => boolean>;

export type Convention = keyof typeof CONVENTIONS;
