import { positionInSpan } from '../model/positions';
import { findBibtexEscapes } from './bibtexEscapes';
import { ListConventions } from './conventions';
import type { Rule, RuleFinding } from './rule';

/**
 * `author-format`: author lists as GitHub should show them. BibTeX escapes
 * copied from a `.bib` file render literally (`Tarj{\'a}n`) and are replaced
 * by the letter; an author list written without emphasis, where the list
 * sets authors in italics, is wrapped in `_…_`.
 */
export const authorFormat: Rule = {
  code: 'author-format',
  check(doc) {
    const conventions = new ListConventions(doc);
    const findings: RuleFinding[] = [];
    for (const entry of doc.entries) {
      const authors = entry.authors;
      if (!authors) continue;
      const escapes = findBibtexEscapes(authors.text);
      if (escapes.length > 0) {
        const edits = escapes.map((e) => ({ range: { start: positionInSpan(authors, e.start), end: positionInSpan(authors, e.end) }, newText: e.letter }));
        findings.push({
          range: { start: edits[0]!.range.start, end: edits[edits.length - 1]!.range.end },
          message: `BibTeX escape${escapes.length > 1 ? 's' : ''} in the author list, shown literally on GitHub: ${escapes.map((e) => `${e.written} → ${e.letter}`).join(', ')}.`,
          fixes: [{ title: `Replace with ${escapes.map((e) => e.letter).join(', ')}`, edits, safe: true, isPreferred: true }],
        });
      }
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
