import { normalizeText, normalizeUrl, paperLink } from '../model/identity';
import type { Entry } from '../model/types';
import { relatedAt, type ChunkRule, type RuleFinding } from '../engine/rule';
import { readAuthors, sameName, type AuthorList } from './authorNames';

/**
 * `copied-authors` (hint): an entry with the very author list of the entry
 * just above it in the same list, for another paper: a line copied as a
 * template and its authors not edited. The whole list shown must agree
 * (names as `authorNames.ts` compares them, `et al.` alike), and it must
 * show `MIN_NAMES` names: a first author (`Meng, Y. et al.`) and a pair
 * (a student and an advisor) write series of papers together, so lists that
 * short repeat legitimately in real lists.
 */
export const copiedAuthors: ChunkRule = {
  scope: 'chunk',
  code: 'copied-authors',
  check(chunk, { uri }) {
    const findings: RuleFinding[] = [];
    for (const list of chunk.lists) {
      let above: { entry: Entry; authors: AuthorList } | undefined;
      for (const item of list.items) {
        const entry = item.entry;
        // An item that is not a paper between two entries makes them not adjacent.
        if (!entry) {
          above = undefined;
          continue;
        }
        const authors = entry.authors && readAuthors(entry.authors.text);
        if (authors && above && sameList(authors, above.authors) && differentPapers(entry, above.entry)) {
          const title = above.entry.title ? ` ("${shortened(above.entry.title.text)}")` : '';
          findings.push({
            range: entry.authors!.range,
            message: `Same authors as the entry above${title}: copied from it and not edited?`,
            relatedInformation: [relatedAt(uri, above.entry.authors!.range, 'The same authors here')],
            fixes: [],
          });
        }
        above = authors && authors.names.length >= MIN_NAMES ? { entry, authors } : undefined;
      }
    }
    return findings;
  },
};

/** The fewest names a list shows for its repeating to be a sign of a copied line. */
const MIN_NAMES = 3;

function sameList(a: AuthorList, b: AuthorList): boolean {
  return a.etAl === b.etAl && a.names.length === b.names.length && a.names.every((name, i) => sameName(name, b.names[i]!));
}

/**
 * Two papers for certain: different arXiv ids, or (where an id is missing)
 * different paper links and different titles. One paper twice is
 * `duplicate-entry`'s to report.
 */
function differentPapers(a: Entry, b: Entry): boolean {
  if (a.arxiv && b.arxiv) return a.arxiv.id !== b.arxiv.id;
  const linkA = paperLink(a)?.url.text;
  const linkB = paperLink(b)?.url.text;
  if (linkA === undefined || linkB === undefined || normalizeUrl(linkA) === normalizeUrl(linkB)) return false;
  return a.title !== undefined && b.title !== undefined && normalizeText(a.title.text) !== normalizeText(b.title.text);
}

/** How much of the title above the message quotes. */
const QUOTED_TITLE = 60;

function shortened(title: string): string {
  return title.length <= QUOTED_TITLE ? title : `${title.slice(0, QUOTED_TITLE - 1).trimEnd()}…`;
}
