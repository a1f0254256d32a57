import { positionInSpan } from '../model/positions';
import { findBibtexEscapes } from './bibtexEscapes';
import { ListConventions } from './listConventions';
import type { Span } from '../model/types';
import type { ChunkRule, RuleFinding } from '../engine/rule';

/**
 * `author-format`: author lists as GitHub should show them. BibTeX escapes
 * copied from a `.bib` file render literally (`Tarj{\'a}n`) and are replaced
 * by the letter; an author list written without emphasis, where the list
 * sets authors in italics, is wrapped in `_…_`.
 */
export const authorFormat: ChunkRule = {
  scope: 'chunk',
  code: 'author-format',
  reads: { survey: true },
  check(chunk, { survey }) {
    const conventions = new ListConventions(chunk, survey);
    const findings: RuleFinding[] = [];
    for (const entry of chunk.entries) {
      const authors = entry.authors;
      if (!authors) continue;
      const escapes = escapeFinding(authors);
      if (escapes) findings.push(escapes);
      if (entry.authorsStyle === 'plain' && conventions.usual(entry, 'italicAuthors')) {
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
