import type { Range } from 'vscode-languageserver-types';
import { parseArxivUrl } from '../model/arxivId';
import { isPaperUrl, normalizeText, normalizeUrl, paperLink, titlesClearlyDiffer } from '../model/identity';
import type { Entry, Link } from '../model/types';
import { GroupFindings } from '../engine/groupFindings';
import type { RuleMemory } from '../engine/ruleMemory';
import { MAX_NAMED, describeLines, type Listing } from '../engine/listings';
import { relatedAt, type DocumentRule, type RuleFinding } from '../engine/rule';
import { nameWords } from './authorNames';

/**
 * `inconsistent-listing`: a paper listed under several sections (normal in a
 * survey) whose listings disagree: title, authors, venue, year, or a link one
 * listing has and another lacks or points elsewhere. The listing that departs
 * from the others is reported (on a tie, the later one), so a fix made in
 * one place is easy to carry to the rest.
 */
export const inconsistentListing: DocumentRule = {
  scope: 'document',
  code: 'inconsistent-listing',
  check(survey, { uri }, memory) {
    return differences(memory).all(survey.papers.repeated, survey, uri);
  },
};

/** One way a listing departs from the others: where (in its chunk's lines), what, and which listings have it otherwise. */
interface Note {
  range: Range;
  /** `title "X" here, "Y"`: the message goes on with ` on lines …` of `elsewhere`. */
  text: string;
  elsewhere: number[];
}

/** The listings compared (one per section, indices into the group), and the notes on those that depart. */
interface Differences {
  compared: number[];
  notes: Map<number, Note[]>;
}

const differences = (memory: RuleMemory) =>
  memory.get('differences', () =>
    new GroupFindings<Differences>(
  (all) => {
    const compared = onePerSection(all);
    const notes = new Map<number, Note[]>();
    const listings = compared.map((i) => all[i]!);
    if (listings.length < 2 || listings.every((l) => signature(l.entry) === signature(listings[0]!.entry))) return { compared, notes };
    const note: AddNote = (index, range, text, elsewhere) => {
      let list = notes.get(index);
      if (!list) notes.set(index, (list = []));
      list.push({ range, text, elsewhere });
    };
    // A title that names another paper is `conflicting-identity`'s to report: its listing is not compared at all.
    const reference = listings.find((l) => l.entry.title)?.entry.title?.text;
    const titled = compared.filter((i) => {
      const title = all[i]!.entry.title;
      return !title || !reference || !titlesClearlyDiffer(reference, title.text);
    });
    const entries = (indices: number[]) => indices.map((i) => ({ index: i, entry: all[i]!.entry }));
    compareField(entries(titled), 'title', (e) => e.title && { key: normalizeText(e.title.text), shown: `"${e.title.text}"`, range: e.title.range }, note);
    compareField(entries(titled), 'authors', (e) => e.authors && { key: nameWords(e.authors.text).join(' '), shown: `"${e.authors.text}"`, range: e.authors.range }, note, sameAuthors);
    compareField(entries(titled), 'venue', (e) => e.venue && { key: normalizeText(e.venue.text), shown: `"${e.venue.text}"`, range: e.venue.range }, note);
    compareField(entries(titled), 'year', (e) => e.year && { key: String(e.year.value), shown: e.year.text, range: e.year.range }, note);
    compareLinks(entries(titled), note);
    return { compared, notes };
  },
  ({ compared, notes }, all, uri) => {
    if (notes.size === 0) return [];
    // Each listing is pointed at from the findings on the others: made once, shared by them.
    const named = compared.slice(0, MAX_NAMED + 1);
    const related = new Map(named.map((i) => {
      const o = all[i]!;
      return [i, relatedAt(uri, o.place(o.entry.title?.range ?? o.entry.range), `Also listed${o.section ? ` under "${o.section.text}"` : ''}`)];
    }));
    const lines = new Map<number[], string>();
    const linesOf = (elsewhere: number[]) => {
      let text = lines.get(elsewhere);
      if (text === undefined) lines.set(elsewhere, (text = describeLines(elsewhere.map((i) => all[i]!))));
      return text;
    };
    const findings: RuleFinding[] = [];
    for (const index of compared) {
      const found = notes.get(index);
      if (!found) continue;
      findings.push({
        range: all[index]!.place(found[0]!.range),
        message: `Listed differently elsewhere: ${found.map((n) => `${n.text} on ${linesOf(n.elsewhere)}`).join('; ')}.`,
        relatedInformation: named.filter((i) => i !== index).slice(0, MAX_NAMED).map((i) => related.get(i)!),
        fixes: [],
      });
    }
    return findings;
  },
),
  );

/** A paper listed twice in one section is a duplicate (`duplicate-entry`); its first listing stands for the section here. */
function onePerSection(listings: Listing[]): number[] {
  const kept: number[] = [];
  const seen = new Map<unknown, Set<unknown>>();
  listings.forEach((listing, i) => {
    let sections = seen.get(listing.chunk);
    if (!sections) seen.set(listing.chunk, (sections = new Set()));
    if (sections.has(listing.section)) return;
    sections.add(listing.section);
    kept.push(i);
  });
  return kept;
}

interface Value {
  key: string;
  shown: string;
  range: Range;
}

/** An entry of the group with its index there. */
interface Member {
  index: number;
  entry: Entry;
}

type AddNote = (index: number, range: Range, text: string, elsewhere: number[]) => void;

/**
 * Notes every listing whose value differs from the one most listings share
 * (the earliest on a tie). Values agree when their keys are equal, or when
 * `same` says so (author lists that show more or fewer of the same names).
 */
function compareField(members: Member[], field: string, valueOf: (e: Entry) => Value | undefined, note: AddNote, same: (a: string, b: string) => boolean = (a, b) => a === b): void {
  const groups: { key: string; members: Member[]; shown: string }[] = [];
  const values = new Map<Member, Value>();
  for (const member of members) {
    const value = valueOf(member.entry);
    if (!value) continue;
    values.set(member, value);
    const group = groups.find((g) => same(g.key, value.key));
    if (group) group.members.push(member);
    else groups.push({ key: value.key, members: [member], shown: value.shown });
  }
  if (groups.length < 2) return;
  const majority = groups.reduce((best, g) => (g.members.length > best.members.length ? g : best));
  const agreeing = new Set(majority.members);
  const elsewhere = majority.members.map((m) => m.index);
  for (const [member, value] of values) {
    if (agreeing.has(member)) continue;
    note(member.index, value.range, `${field} ${value.shown} here, ${majority.shown}`, elsewhere);
  }
}

/** Two author lists agree when the shorter shows only names of the longer (`Lee et al.` and `Ann Lee, Bo Chen`). */
function sameAuthors(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const longer = new Set(long.split(' '));
  const shown = short.split(' ').filter(Boolean);
  return shown.length > 0 && shown.every((w) => longer.has(w));
}

/**
 * Links belonging to the paper itself: one listing lacking them, or pointing
 * elsewhere, lacks something. Others (`checkpoint`, `dataset`, `source`)
 * depend on the section's angle on the paper and are not compared.
 */
const PAPER_OWN_LINKS: Record<string, (e: Entry) => Link | undefined> = {
  paper: (e) => {
    const link = paperLink(e);
    return link && isPaperUrl(link.url.text) ? link : undefined;
  },
  code: (e) => e.links.find((l) => !l.image && !l.title && /^(?:code|github|repo|repository|official code|source code)$/i.test(l.label.text.trim())),
  project: (e) => e.links.find((l) => !l.image && /^(?:project|project page|homepage|home page|website)$/i.test(l.label.text.trim())),
};

/** A project page is optional: one listing may link it and another not. Only a listing that lacks the paper or its code lacks something. */
const EXPECTED_IN_EVERY_LISTING = new Set(['paper', 'code']);

/**
 * The paper's own links compared by what they are, whatever their label
 * (`[paper]`, a title that is the link, `[Github]`): arXiv links by id and
 * GitHub owners and repositories case-insensitively. A listing lacking one
 * that another listing has is noted only between entries that write links
 * alike (both title links, or both labelled links), never for table rows,
 * whose columns decide which links they carry.
 */
function compareLinks(members: Member[], note: AddNote): void {
  for (const [kind, linkOf] of Object.entries(PAPER_OWN_LINKS)) {
    compareField(members, `${kind} link`, (e) => {
      const link = linkOf(e);
      return link && { key: linkKey(link.url.text), shown: link.url.text, range: link.url.range };
    }, note);
    const having = members.filter((m) => linkOf(m.entry));
    if (having.length === 0 || !EXPECTED_IN_EVERY_LISTING.has(kind)) continue;
    for (const { index, entry } of members) {
      // A table row has the links its columns have: a row lacking a code column lacks nothing.
      if (linkOf(entry) || entry.row) continue;
      const alike = having.filter((m) => !m.entry.row && linkStyle(m.entry) === linkStyle(entry));
      if (alike.length === 0) continue;
      const at = entry.links[entry.links.length - 1]?.range ?? entry.range;
      note(index, at, `no ${kind} link here, ${linkOf(alike[0]!.entry)!.url.text}`, alike.map((m) => m.index));
    }
  }
}

/** How an entry writes its links: a title that is the link, or links after the title. */
function linkStyle(entry: Entry): 'title' | 'labelled' {
  return entry.links.some((l) => l.title) ? 'title' : 'labelled';
}

/** An arXiv link by its id (`http:`, `v1` and `/pdf/` are the same paper; their form is `arxiv-url-style`'s concern). */
function linkKey(url: string): string {
  const arxiv = parseArxivUrl(url);
  return arxiv ? `arxiv:${arxiv.id}` : normalizeUrl(url);
}

/** Everything this rule compares, in one string: listings with equal signatures agree. */
function signature(entry: Entry): string {
  let known = signatures.get(entry);
  if (known === undefined) {
    const fields = [entry.title?.text, entry.authors?.text, entry.venue?.text, entry.year?.text].map((t) => (t === undefined ? '' : normalizeText(t)));
    const links = entry.links.map((l) => `${l.label.text.trim().toLowerCase()}=${linkKey(l.url.text)}`).sort();
    signatures.set(entry, (known = [...fields, ...links].join('\u0000')));
  }
  return known;
}

const signatures = new WeakMap<Entry, string>();
