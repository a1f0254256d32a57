import { arxivUrlStyle } from './arxiv-url-style';
import { authorFormat } from './author-format';
import { brokenAnchor } from './broken-anchor';
import { conflictingIdentity } from './conflicting-identity';
import { duplicateEntry } from './duplicate-entry';
import { entryFormat } from './entry-format';
import { inconsistentListing } from './inconsistent-listing';
import { invalidArxivId } from './invalid-arxiv-id';
import { listNumbering } from './list-numbering';
import { malformedLink } from './malformed-link';
import { missingFile } from './missing-file';
import { parseProblem } from './parse-problem';
import type { Rule } from '../engine/rule';
import { titleMismatch } from './title-mismatch';
import { tocMissingHeading } from './toc-missing-heading';
import { venueTypo } from './venue-typo';
import { yearMismatch } from './year-mismatch';
import { authorMismatch } from './author-mismatch';
import { copiedAuthors } from './copied-authors';
import { preprintPublished } from './preprint-published';
import { copiedCodeLink } from './copied-code-link';

/** Every rule, in the order of `RULE_CODES`. */
export const RULES: readonly Rule[] = [
  parseProblem,
  listNumbering,
  malformedLink,
  invalidArxivId,
  arxivUrlStyle,
  duplicateEntry,
  inconsistentListing,
  conflictingIdentity,
  brokenAnchor,
  tocMissingHeading,
  missingFile,
  entryFormat,
  venueTypo,
  yearMismatch,
  authorFormat,
  titleMismatch,
  authorMismatch,
  copiedAuthors,
  preprintPublished,
  copiedCodeLink,
];
