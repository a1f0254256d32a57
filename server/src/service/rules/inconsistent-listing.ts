import type { Range } from 'vscode-languageserver-types';
import { parseArxivUrl } from '../model/arxivId';
import { normalizeText, normalizeUrl, titlesClearlyDiffer } from '../model/identity';
import type { Entry } from '../model/types';
import { MAX_NAMED, describeLines, listingsByPaper, type Listing } from './listings';
import { relatedAt, type Rule, type RuleFinding } from './rule';

/**
 * `inconsistent-listing`: a paper listed under several sections (normal in a
 * survey) whose listings disagree: title, authors, venue, year, or a link one
 * listing has and another lacks or points elsewhere. The listing that departs
 * from the others is reported (on a tie, the later one), so a fix made in
 * one place is easy to carry to the rest.
 */
export const inconsistentListing: Rule = {
  code: 'inconsistent-listing',
  check(doc, { uri }) {
    const findings: RuleFinding[] = [];
    for (const all of listingsByPaper(doc).values()) {
      const listings = onePerSection(all);
      if (listings.length < 2 || listings.every((l) => signature(l.entry) === signature(listings[0]!.entry))) continue;
      const details = new Map<Entry, { range: Range; text: string }[]>();
      const note = (entry: Entry, range: Range, text: string) => {
        let list = details.get(entry);
        if (!list) details.set(entry, (list = []));
        list.push({ range, text });
      };
      const entries = listings.map((l) => l.entry);
      // A title that names another paper is `conflicting-identity`'s to report, not a spelling to align.
      const reference = entries.find((e) => e.title)?.title?.text;
      const titled = entries.filter((e) => !e.title || !reference || !titlesClearlyDiffer(reference, e.title.text));
      compareField(titled, 'title', (e) => e.title && { key: normalizeText(e.title.text), shown: `"${e.title.text}"`, range: e.title.range }, note);
      compareField(entries, 'authors', (e) => e.authors && { key: normalizeText(e.authors.text), shown: `"${e.authors.text}"`, range: e.authors.range }, note);
      compareField(entries, 'venue', (e) => e.venue && { key: normalizeText(e.venue.text), shown: `"${e.venue.text}"`, range: e.venue.range }, note);
      compareField(entries, 'year', (e) => e.year && { key: e.year.text, shown: e.year.text, range: e.year.range }, note);
      compareLinks(entries, note);

      for (const listing of listings) {
        const found = details.get(listing.entry);
        if (!found) continue;
        const others = listings.filter((l) => l !== listing).slice(0, MAX_NAMED);
        findings.push({
          range: found[0]!.range,
          message: `Listed differently elsewhere: ${found.map((d) => d.text).join('; ')}.`,
          relatedInformation: others.map((o) => relatedAt(uri, o.entry.title?.range ?? o.entry.range, `Also listed${o.section ? ` under "${o.section.text}"` : ''}`)),
          fixes: [],
        });
      }
    }
    return findings;
  },
};

/** A paper listed twice in one section is a duplicate (`duplicate-entry`); its first listing stands for the section here. */
function onePerSection(listings: Listing[]): Listing[] {
  const seen = new Set<Listing['section']>();
  return listings.filter((l) => !seen.has(l.section) && (seen.add(l.section), true));
}

interface Value {
  key: string;
  shown: string;
  range: Range;
}

type Note = (entry: Entry, range: Range, text: string) => void;

/** Notes every listing whose value differs from the one most listings share (the earliest on a tie). */
function compareField(entries: Entry[], field: string, valueOf: (e: Entry) => Value | undefined, note: Note): void {
  const groups = new Map<string, { entries: Entry[]; shown: string }>();
  const values = new Map<Entry, Value>();
  for (const entry of entries) {
    const value = valueOf(entry);
    if (!value) continue;
    values.set(entry, value);
    const group = groups.get(value.key);
    if (group) group.entries.push(entry);
    else groups.set(value.key, { entries: [entry], shown: value.shown });
  }
  if (groups.size < 2) return;
  const majority = [...groups.values()].reduce((best, g) => (g.entries.length > best.entries.length ? g : best));
  for (const [entry, value] of values) {
    if (majority.entries.includes(entry)) continue;
    note(entry, value.range, `${field} ${value.shown} here, ${majority.shown} on ${describeLines(majority.entries)}`);
  }
}

/**
 * Links belonging to the paper itself: one listing lacking them lacks
 * something. Others (`checkpoint`, `dataset`, `source`) depend on the section's
 * angle on the paper, so only their addresses are compared.
 */
const PAPER_OWN_LINKS = new Set(['paper', 'code', 'project']);

/** Links compared by label; arXiv links by id and GitHub owners and repositories case-insensitively. */
function compareLinks(entries: Entry[], note: Note): void {
  const labels = new Set(entries.flatMap((e) => e.links.map((l) => l.label.text.trim().toLowerCase())));
  for (const label of labels) {
    const linkOf = (e: Entry) => e.links.find((l) => l.label.text.trim().toLowerCase() === label);
    compareField(entries, `${label} link`, (e) => {
      const link = linkOf(e);
      return link && { key: linkKey(link.url.text), shown: link.url.text, range: link.url.range };
    }, note);
    if (!PAPER_OWN_LINKS.has(label)) continue;
    const having = entries.filter((e) => linkOf(e));
    for (const entry of entries) {
      if (linkOf(entry)) continue;
      const at = entry.links[entry.links.length - 1]?.range ?? entry.range;
      note(entry, at, `no ${label} link here, ${linkOf(having[0]!)!.url.text} on ${describeLines(having)}`);
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
