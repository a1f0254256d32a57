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

/** Listings of one title (indices into the group) under the id most of them carry, and under another. */
const idsOfOneTitle = (memory: RuleMemory) =>
  memory.get('idsOfOneTitle', () =>
    new GroupFindings(
  (listings) => {
    // The id most listings of the title carry is taken for its own; on a tie nothing says which is wrong here,
    // and the listing that carries another paper's id is reported from that id's side (`titlesOfOneId`).
    const byId = new Map<string, number[]>();
    listings.forEach((l, i) => {
      const id = l.entry.arxiv!.id;
      const indices = byId.get(id);
      if (indices) indices.push(i);
      else byId.set(id, [i]);
    });
    const ranked = [...byId].sort((a, b) => b[1].length - a[1].length);
    const [firstId, agreeing] = ranked[0]!;
    const tie = ranked.length > 1 && ranked[1]![1].length === agreeing.length;
    const other = tie ? [] : ranked.slice(1).flatMap(([, indices]) => indices).sort((a, b) => a - b);
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

/**
 * The listings of one arXiv id grouped by title: the title most listings
 * agree on is taken for the id's (on a tie, the first listed), and each
 * listing under a clearly different title is reported, so that the finding
 * sits on the link that is wrong, not on the listings that are right.
 * Returns the first listing of the agreeing title, and the others.
 */
const titlesOfOneId = (memory: RuleMemory) =>
  memory.get('titlesOfOneId', () =>
    new GroupFindings(
  (listings) => {
    const clusters: number[][] = [];
    listings.forEach((l, i) => {
      if (!l.entry.arxiv || !l.entry.title) return;
      const title = l.entry.title.text;
      const same = clusters.find((c) => !titlesClearlyDiffer(listings[c[0]!]!.entry.title!.text, title));
      if (same) same.push(i);
      else clusters.push([i]);
    });
    const agreeing = clusters.reduce<number[] | undefined>((best, c) => (!best || c.length > best.length ? c : best), undefined);
    return { first: agreeing?.[0], differing: clusters.filter((c) => c !== agreeing).flat().sort((a, b) => a - b) };
  },
  ({ first, differing }, listings, uri) => {
    if (first === undefined || differing.length === 0) return [];
    const original = listings[first]!;
    const firstTitle = original.entry.title!;
    return differing.map((i) => {
      const { entry } = listings[i]!;
      return {
        range: listings[i]!.place(entry.title!.range),
        message: `arXiv ${entry.arxiv!.id} is listed as "${firstTitle.text}" on line ${original.line}, but as "${entry.title!.text}" here: this link likely names another paper.`,
        relatedInformation: [relatedAt(uri, original.place(firstTitle.range), `Listed as "${firstTitle.text}"`)],
        fixes: [],
      };
    });
  },
),
  );
