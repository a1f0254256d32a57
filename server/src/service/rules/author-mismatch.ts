import { positionInSpan } from '../model/positions';
import type { Span } from '../model/types';
import type { ArxivRecord } from '../metadata';
import type { Fix } from '../engine/rule';
import { foldName, readAuthors, type AuthorList } from './authorNames';
import { entryRule } from './entryRule';

/**
 * `author-mismatch`: an entry whose first author is not among the paper's
 * authors on arXiv, as a line copied from another entry and not edited
 * shows. Reported only where metadata is known (snapshot, cache or a fetch).
 * Names compare as `authorNames.ts` reads them; a list written as a group
 * (`OpenAI`) or that names nobody is left alone.
 */
export const authorMismatch = entryRule(
  'author-mismatch',
  (entry, { metadata }) => {
    if (!entry.arxiv || !entry.authors) return [];
    const state = metadata.lookup(entry.arxiv.id);
    if (state.kind !== 'known') return [];
    const arxivAuthors = state.record.authors.filter((a) => a.trim() !== '');
    const list = readAuthors(entry.authors.text);
    if (arxivAuthors.length === 0 || !list) return [];
    const first = list.names[0]!;
    const { words, surnames } = arxivNames(state.record);
    // Any word of an arXiv name may be the surname (`Wayne Xin Zhao`, `Ataee Tarzanagh`); an entry may write a name surname first (`Zhao Xin`).
    if (words.has(first.surname) || (!first.initialsAfter && first.words.length > 1 && surnames.has(first.words[0]!))) return [];
    const authors = entry.authors;
    const range = { start: positionInSpan(authors, first.start), end: positionInSpan(authors, first.end) };
    const shown = arxivAuthors.slice(0, SHOWN).map(lastWord).join(', ') + (arxivAuthors.length > SHOWN ? ', …' : '');
    const newText = firstAuthorInEntryForm(authors, list, arxivAuthors[0]!.trim());
    // Another name is a content change (the link may be what is wrong): offered, never applied unseen.
    const fixes: Fix[] = newText === undefined ? [] : [{ title: `Write arXiv's first author: ${newText}`, edits: [{ range, newText }], safe: false, isPreferred: true }];
    return [{ range, message: `First author "${first.shown}" is not among arXiv's authors of ${entry.arxiv.id} (${shown}).`, fixes }];
  },
  { metadata: true },
);

/** The folded words of arXiv's author names, and their last words; made once per record (a collaboration lists hundreds). */
function arxivNames(record: ArxivRecord): { words: Set<string>; surnames: Set<string> } {
  let known = namesOfRecords.get(record);
  if (!known) {
    known = { words: new Set(), surnames: new Set() };
    for (const author of record.authors) {
      const folded = foldName(author).split(' ').filter(Boolean);
      for (const w of folded) known.words.add(w);
      if (folded.length > 0) known.surnames.add(folded[folded.length - 1]!);
    }
    namesOfRecords.set(record, known);
  }
  return known;
}

const namesOfRecords = new WeakMap<ArxivRecord, { words: Set<string>; surnames: Set<string> }>();

/** How many of arXiv's authors the message names. */
const SHOWN = 3;

function lastWord(name: string): string {
  const words = name.trim().split(/\s+/);
  return words[words.length - 1]!;
}

/**
 * arXiv's first author written in the entry's form, where that is certain:
 * only for a list that shows one name and `et al.` (a whole list copied
 * wrong is more than its first name), as `Given Surname` (arXiv's own form)
 * or as `Surname, I.` when arXiv's name is two words, given and surname.
 */
function firstAuthorInEntryForm(authors: Span, list: AuthorList, arxivFirst: string): string | undefined {
  if (list.names.length !== 1 || !list.etAl) return undefined;
  const first = list.names[0]!;
  const written = authors.text.slice(first.start, first.end);
  if (!first.initialsAfter) return first.words.length > 1 && !/[.,]/.test(written) ? arxivFirst : undefined;
  const words = arxivFirst.split(/\s+/);
  if (!/^[^,]+, \p{Lu}\.(?:-\p{Lu}\.)?$/u.test(written) || words.length !== 2 || !/^\p{Lu}\p{Ll}*(?:-\p{Lu}\p{Ll}*)?$/u.test(words[0]!)) return undefined;
  return `${words[1]}, ${words[0]!.split('-').map((w) => `${w[0]}.`).join('-')}`;
}
