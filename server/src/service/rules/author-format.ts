import { positionInSpan } from '../model/positions';
import { findBibtexEscapes } from './bibtexEscapes';
import { entryRule } from './entryRule';
import type { Span } from '../model/types';
import type { RuleFinding } from '../engine/rule';

/**
 * `author-format`: author lists as GitHub should show them. BibTeX escapes
 * copied from a `.bib` file render literally (`Tarj{\'a}n`) and are replaced
 * by the letter; an author list written without emphasis, where the list
 * sets authors in italics, is wrapped in `_…_`.
 */
export const authorFormat = entryRule(
  'author-format',
  (entry, _context, habits) => {
    const authors = entry.authors;
    if (!authors) return [];
    const findings: RuleFinding[] = [];
    const escapes = escapeFinding(authors);
    if (escapes) findings.push(escapes);
    if (entry.authorsStyle === 'plain' && habits.italicAuthors) {
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
    return findings;
  },
  { survey: true },
);

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
