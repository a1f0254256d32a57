import { positionInSpan } from '../model/positions';
import { findBibtexEscapes } from './bibtexEscapes';
import { ListConventions } from './conventions';
import type { Entry, Span } from '../model/types';
import type { Rule, RuleFinding } from './rule';

/**
 * `author-format`: author lists as GitHub should show them. BibTeX escapes
 * copied from a `.bib` file render literally (`Tarj{\'a}n`) and are replaced
 * by the letter; an author list written without emphasis, where the list
 * sets authors in italics, is wrapped in `_…_`.
 */
/** Kept per entry: an entry object lives as long as its chunk is unchanged. */
const escapeFindings = new WeakMap<Entry, RuleFinding | null>();

function escapeFinding(authors: Span): RuleFinding | null {
  const escapes = findBibtexEscapes(authors.text);
  if (escapes.length === 0) return null;
  const edits = escapes.map((e) => ({ range: { start: positionInSpan(authors, e.start), end: positionInSpan(authors, e.end) }, newText: e.letter }));
  return {
    range: { start: edits[0]!.range.start, end: edits[edits.length - 1]!.range.end },
    message: `BibTeX escape${escapes.length > 1 ? 's' : ''} in the author list, shown literally on GitHub: ${escapes.map((e) => `${e.written} → ${e.letter}`).join(', ')}.`,
    fixes: [{ title: `Replace with ${escapes.map((e) => e.letter).join(', ')}`, edits, safe: true, isPreferred: true }],
  };
}

export const authorFormat: Rule = {
  code: 'author-format',
  check(doc) {
    const conventions = new ListConventions(doc);
    const findings: RuleFinding[] = [];
    for (const entry of doc.entries) {
      const authors = entry.authors;
      if (!authors) continue;
      let escapes = escapeFindings.get(entry);
      if (escapes === undefined) escapeFindings.set(entry, (escapes = escapeFinding(authors)));
      if (escapes) findings.push(escapes);
      if (entry.authorsStyle === 'plain' && conventions.usual(entry, 'italic-authors', (e) => e.authorsStyle === 'italic')) {
        findings.push({
          range: authors.range,
          message: 'Author list is not in italics like the other entries of this list: expected _Authors_.',
          fixes: [
            {
              title: 'Set the authors in italics',
              edits: [
                { range: { start: authors.range.start, end: authors.range.start }, newText: '_' },
                { range: { start: authors.range.end, end: authors.range.end }, newText: '_' },
              ],
              safe: false,
              isPreferred: true,
            },
          ],
        });
      }
    }
    return findings;
  },
};
