import { titlesClearlyDiffer } from '../model/identity';
import { GroupFindings } from '../engine/groupFindings';
import type { RuleMemory } from '../engine/ruleMemory';
import { MAX_NAMED, describeLines } from '../engine/listings';
import { relatedAt, type DocumentRule } from '../engine/rule';

/**
 * `conflicting-identity`: one title with two different arXiv ids, or one
 * arXiv id with clearly different titles. One of the two links names the
 * wrong paper, which readers only find out by clicking it.
 */
export const conflictingIdentity: DocumentRule = {
  scope: 'document',
  code: 'conflicting-identity',
  check(survey, { uri }, memory) {
    const { repeated, sameTitle } = survey.papers;
    // Listings of one paper share its arXiv id (the identity's first choice): their titles are compared too.
    return [...idsOfOneTitle(memory).all(sameTitle, survey, uri), ...titlesOfOneId(memory).all(repeated, survey, uri)];
  },
};

/** Listings of one title (indices into the group) under the first listing's id, and under another. */
const idsOfOneTitle = (memory: RuleMemory) =>
  memory.get('idsOfOneTitle', () =>
    new GroupFindings(
  (listings) => {
    const firstId = listings[0]!.entry.arxiv!.id;
    const agreeing: number[] = [];
    const other: number[] = [];
    listings.forEach((l, i) => (l.entry.arxiv!.id === firstId ? agreeing : other).push(i));
    return { firstId, agreeing, other };
  },
  ({ firstId, agreeing, other }, listings, uri) => {
    if (other.length === 0) return [];
    const agreeingListings = agreeing.map((i) => listings[i]!);
    const related = agreeingListings.slice(0, MAX_NAMED).map((l) => relatedAt(uri, l.place(l.entry.arxiv!.range), `Listed with arXiv ${firstId}`));
    return other.map((i) => {
      const listing = listings[i]!;
      const { arxiv } = listing.entry;
      return {
        range: listing.place(arxiv!.range),
        message: `The same title is listed with arXiv ${firstId} on ${describeLines(agreeingListings)}, but with ${arxiv!.id} here: one of the ids names another paper.`,
        relatedInformation: related,
        fixes: [],
      };
    });
  },
),
  );

/** The first listing with an arXiv link and a title (index into the group), and the later ones whose titles clearly differ from it. */
const titlesOfOneId = (memory: RuleMemory) =>
  memory.get('titlesOfOneId', () =>
    new GroupFindings(
  (listings) => {
    const titled = listings.flatMap((l, i) => (l.entry.arxiv && l.entry.title ? [i] : []));
    const [first, ...rest] = titled;
    const firstTitle = first === undefined ? '' : listings[first]!.entry.title!.text;
    return { first, differing: rest.filter((i) => titlesClearlyDiffer(firstTitle, listings[i]!.entry.title!.text)) };
  },
  ({ first, differing }, listings, uri) => {
    if (first === undefined || differing.length === 0) return [];
    const original = listings[first]!;
    const firstTitle = original.entry.title!;
    return differing.map((i) => {
      const { entry } = listings[i]!;
      return {
        range: listings[i]!.place(entry.title!.range),
        message: `arXiv ${entry.arxiv!.id} is listed as "${firstTitle.text}" on line ${original.line}, but as "${entry.title!.text}" here: one of the links names the wrong paper.`,
        relatedInformation: [relatedAt(uri, original.place(firstTitle.range), `Listed as "${firstTitle.text}"`)],
        fixes: [],
      };
    });
  },
),
  );
