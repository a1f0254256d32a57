import type { Range } from 'vscode-languageserver-types';
import { parseArxivUrl } from '../model/arxivId';
import { normalizeText, normalizeUrl, titlesClearlyDiffer } from '../model/identity';
import type { Entry } from '../model/types';
import { GroupFindings } from '../engine/groupFindings';
import type { RuleMemory } from '../engine/ruleMemory';
import { MAX_NAMED, describeLines, type Listing } from '../engine/listings';
import { relatedAt, type DocumentRule, type RuleFinding } from '../engine/rule';

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
    // A title that names another paper is `conflicting-identity`'s to report, not a spelling to align.
    const reference = listings.find((l) => l.entry.title)?.entry.title?.text;
    const titled = compared.filter((i) => {
      const title = all[i]!.entry.title;
      return !title || !reference || !titlesClearlyDiffer(reference, title.text);
    });
    const entries = (indices: number[]) => indices.map((i) => ({ index: i, entry: all[i]!.entry }));
    compareField(entries(titled), 'title', (e) => e.title && { key: normalizeText(e.title.text), shown: `"${e.title.text}"`, range: e.title.range }, note);
    compareField(entries(compared), 'authors', (e) => e.authors && { key: normalizeText(e.authors.text), shown: `"${e.authors.text}"`, range: e.authors.range }, note);
    compareField(entries(compared), 'venue', (e) => e.venue && { key: normalizeText(e.venue.text), shown: `"${e.venue.text}"`, range: e.venue.range }, note);
    compareField(entries(compared), 'year', (e) => e.year && { key: e.year.text, shown: e.year.text, range: e.year.range }, note);
    compareLinks(entries(compared), note);
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

/** Notes every listing whose value differs from the one most listings share (the earliest on a tie). */
function compareField(members: Member[], field: string, valueOf: (e: Entry) => Value | undefined, note: AddNote): void {
  const groups = new Map<string, { members: Member[]; shown: string }>();
  const values = new Map<Member, Value>();
  for (const member of members) {
    const value = valueOf(member.entry);
    if (!value) continue;
    values.set(member, value);
    const group = groups.get(value.key);
    if (group) group.members.push(member);
    else groups.set(value.key, { members: [member], shown: value.shown });
  }
  if (groups.size < 2) return;
  const majority = [...groups.values()].reduce((best, g) => (g.members.length > best.members.length ? g : best));
  const agreeing = new Set(majority.members);
  const elsewhere = majority.members.map((m) => m.index);
  for (const [member, value] of values) {
    if (agreeing.has(member)) continue;
    note(member.index, value.range, `${field} ${value.shown} here, ${majority.shown}`, elsewhere);
  }
}

/**
 * Links belonging to the paper itself: one listing lacking them lacks
 * something. Others (`checkpoint`, `dataset`, `source`) depend on the section's
 * angle on the paper, so only their addresses are compared.
 */
const PAPER_OWN_LINKS = new Set(['paper', 'code', 'project']);

/** Links compared by label; arXiv links by id and GitHub owners and repositories case-insensitively. */
function compareLinks(members: Member[], note: AddNote): void {
  const labels = new Set(members.flatMap((m) => m.entry.links.map((link) => link.label.text.trim().toLowerCase())));
  for (const label of labels) {
    const linkOf = (e: Entry) => e.links.find((l) => l.label.text.trim().toLowerCase() === label);
    compareField(members, `${label} link`, (e) => {
      const link = linkOf(e);
      return link && { key: linkKey(link.url.text), shown: link.url.text, range: link.url.range };
    }, note);
    if (!PAPER_OWN_LINKS.has(label)) continue;
    const having = members.filter((m) => linkOf(m.entry));
    for (const { index, entry } of members) {
      if (linkOf(entry)) continue;
      const at = entry.links[entry.links.length - 1]?.range ?? entry.range;
      note(index, at, `no ${label} link here, ${linkOf(having[0]!.entry)!.url.text}`, having.map((m) => m.index));
    }
  }
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
