import type { CachedChunk } from '../model/chunkCache';
import { codeLinksOf } from '../model/codeLinks';
import { normalizeText, normalizeUrl, normalizedTitle, paperIdentity, paperLink, titlesClearlyDiffer } from '../model/identity';
import type { Entry } from '../model/types';
import { GroupFindings } from '../engine/groupFindings';
import type { Listing } from '../engine/listings';
import type { RuleMemory } from '../engine/ruleMemory';
import { relatedAt, type DocumentRule, type RuleFinding } from '../engine/rule';
import { nameWords } from './authorNames';

/**
 * `copied-code-link` (hint): two different papers with one code link, the
 * later one most likely a line copied from the earlier and never changed.
 *
 * Real lists share repositories legitimately all the time, so only what a
 * copy leaves behind is reported:
 * - the same folder or file inside a repository (`…/tree/main/models/bart`),
 *   or the same page elsewhere, under two different papers: a sub-project's
 *   folder holds one paper's code;
 * - the same repository's front page under two different papers only when
 *   they stand one after the other in a list, both show their authors and
 *   share none, and the later title does not name the repository: a paper
 *   and its follow-up (`MobileVLM` and `MobileVLM V2`) share their repository
 *   and their authors.
 * A place that three or more different papers point at is a toolkit or a
 * benchmark they share, and a link into a folder of a repository whose front
 * page is another paper's code is a monorepo's sub-project
 * (`microsoft/unilm/tree/master/kosmos-2`): neither is reported. The same
 * paper listed twice is `duplicate-entry`'s and `inconsistent-listing`'s.
 */
export const copiedCodeLink: DocumentRule = {
  scope: 'document',
  code: 'copied-code-link',
  check(survey, { uri }, memory) {
    return copies(memory).all(survey.papers.sameCode, survey, uri);
  },
};

/** A listing (index into the group) whose code link is the one an earlier listing of another paper points at. */
interface Copy {
  later: number;
  /**
   * The earlier listing of the other paper it was copied from: the first one
   * for a folder or a page; for a front page, the nearest before it, which
   * must stand right before it in its list.
   */
  earlier: number;
  location: string;
  front: boolean;
}

/** How many different papers may point at one place before it is a toolkit they share rather than a copy. */
export const MAX_PAPERS_SHARING = 2;

/**
 * Past this many different paper identities at one place, it is shared by
 * many papers and the listings are not compared pairwise (each comparison
 * may measure titles' edit distance).
 */
export const MAX_IDENTITIES_COMPARED = 8;

const copies = (memory: RuleMemory) =>
  memory.get('copied-code-links', () => new GroupFindings<Copy[]>(judge, report));

function judge(listings: Listing[], project: string): Copy[] {
  const links = listings.map((l) => codeLinksOf(l.entry).filter((c) => c.project === project));
  // A front page shared where some listing points deeper is a monorepo's: its sub-projects are not copies.
  const onlyFront = links.every((found) => found.every((c) => c.front));
  const at = new Map<string, { front: boolean; members: number[] }>();
  links.forEach((found, i) => {
    for (const { location, front } of found) {
      if (front && !onlyFront) continue;
      const place = at.get(location);
      if (place) place.members.push(i);
      else at.set(location, { front, members: [i] });
    }
  });
  const found: Copy[] = [];
  for (const [location, { front, members }] of at) {
    if (new Set(members.map((i) => paperIdentity(listings[i]!.entry) ?? i)).size > MAX_IDENTITIES_COMPARED) continue;
    const paperOf = papersOf(members.map((i) => listings[i]!.entry));
    const papers = new Set(paperOf).size;
    if (papers < 2 || papers > MAX_PAPERS_SHARING) continue;
    // The paper that points there first is taken as the owner; the other paper's listings carry its link.
    let nearest = members[0]!;
    members.forEach((later, k) => {
      if (paperOf[k] === paperOf[0]) return void (nearest = later);
      const entry = listings[later]!.entry;
      if (namesPlace(entry, location)) return;
      const earlier = front ? nearest : members[0]!;
      if (front && !strangers(listings[earlier]!.entry, entry)) return;
      found.push({ later, earlier, location, front });
    });
  }
  return found;
}

/** For each entry, the index of the first entry that is the same paper. */
function papersOf(entries: Entry[]): number[] {
  const firsts: number[] = [];
  return entries.map((entry, i) => {
    const same = firsts.find((f) => samePaper(entries[f]!, entry));
    if (same !== undefined) return same;
    firsts.push(i);
    return i;
  });
}

/**
 * Whether two entries may be one paper: one identity; two arXiv ids under one
 * title (a wrong id, `conflicting-identity`'s); without two ids, one paper
 * link, or titles that do not clearly differ (or are missing).
 */
function samePaper(a: Entry, b: Entry): boolean {
  if (paperIdentity(a) === paperIdentity(b)) return true;
  if (a.arxiv && b.arxiv) return normalizedTitle(a) !== undefined && normalizedTitle(a) === normalizedTitle(b);
  const pa = paperLink(a);
  const pb = paperLink(b);
  if (pa && pb && normalizeUrl(pa.url.text) === normalizeUrl(pb.url.text)) return true;
  return !a.title || !b.title || !titlesClearlyDiffer(a.title.text, b.title.text);
}

/** Both show authors, and no name is in both (a follow-up shares its authors). */
function strangers(a: Entry, b: Entry): boolean {
  const x = authorNames(a);
  const y = authorNames(b);
  if (x.size === 0 || y.size === 0) return false;
  for (const name of x) if (y.has(name)) return false;
  return true;
}

/** The names an entry's author list shows (`nameWords`), none where it has no authors. */
function authorNames(entry: Entry): Set<string> {
  return new Set(entry.authors ? nameWords(entry.authors.text) : []);
}

/**
 * The entry's title names the place (`LLMLingua-2: …` for `microsoft/LLMLingua`,
 * `ShareGPT4Video: …` for `…/projects/ShareGPT4V`): its own code, shared with a
 * paper before it.
 */
function namesPlace(entry: Entry, location: string): boolean {
  const title = normalizedTitle(entry);
  const name = placeName(location);
  return title !== undefined && name.length >= 3 && title.replace(/ /g, '').includes(name);
}

/** `github.com/microsoft/llmlingua` → `llmlingua`; `sbert.net` → `sbert`: the last name in it, letters and digits only. */
function placeName(location: string): string {
  const last = Math.max(location.lastIndexOf('/'), location.lastIndexOf('@'));
  const name = last === -1 ? location.replace(/^www\./, '').split('.')[0]! : location.slice(last + 1);
  return normalizeText(name).replace(/ /g, '');
}

function report(found: Copy[], listings: Listing[], uri: string): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const { later, earlier, location, front } of found) {
    const copy = listings[later]!;
    const original = listings[earlier]!;
    // Neighbours in a list: where they stand, so read here (the verdict never reads positions).
    if (front && !neighbours(original, copy)) continue;
    const link = codeLinksOf(copy.entry).find((c) => c.location === location)?.link;
    const originalLink = codeLinksOf(original.entry).find((c) => c.location === location)?.link;
    if (!link || !originalLink) continue;
    const title = original.entry.title ? ` ("${shortened(original.entry.title.text)}")` : '';
    findings.push({
      range: copy.place(link.url.range),
      message: `Same code link as a different paper on line ${original.line}${title}: a copied line? Expected this paper's own code link, or none.`,
      relatedInformation: [relatedAt(uri, original.place(originalLink.url.range), 'The other paper with this code link')],
      fixes: [],
    });
  }
  return findings;
}

/** Whether `b` is the entry right after `a` in one list (items that are not papers between them do not count). */
function neighbours(a: Listing, b: Listing): boolean {
  if (a.chunk !== b.chunk) return false;
  const before = previousEntries(a.chunk).get(b.entry);
  return before === a.entry;
}

/** Each entry of a chunk with the entry before it in its list, once per chunk. */
function previousEntries(chunk: CachedChunk): Map<Entry, Entry> {
  let known = previous.get(chunk);
  if (!known) {
    known = new Map();
    for (const list of chunk.alone.lists) {
      let last: Entry | undefined;
      for (const item of list.items) {
        if (!item.entry) continue;
        if (last) known.set(item.entry, last);
        last = item.entry;
      }
    }
    previous.set(chunk, known);
  }
  return known;
}

const previous = new WeakMap<CachedChunk, Map<Entry, Entry>>();

/** A title as a message quotes it: at most about sixty characters. */
function shortened(title: string): string {
  return title.length <= 60 ? title : `${title.slice(0, 57).trimEnd()}…`;
}
