import { comparePositions } from '../model/positions';
import { paperLink } from '../model/identity';
import type { Entry, Link } from '../model/types';
import { closest, type Closest } from './closest';
import { ListConventions } from './listConventions';
import type { ChunkRule, RuleFinding } from '../engine/rule';

const TEMPLATE = 'Title. _Authors_ Venue Year. [[paper](url)]';

/**
 * `entry-format`: an entry that lacks what a citation needs (title, authors,
 * year, a link to the paper) or uses a link label that is neither configured
 * (`entry.linkLabels`) nor used repeatedly in the survey.
 * Authors and years are asked for only where the entry's own list carries
 * them, and a year only where the venue does not already date the paper
 * (`Proceedings of … Conference` without a year is a deliberate style, a
 * bare `arXiv.` is not).
 */
export const entryFormat: ChunkRule = {
  scope: 'chunk',
  code: 'entry-format',
  reads: { survey: true },
  check(chunk, { settings, survey }) {
    const conventions = new ListConventions(chunk, survey);
    const configured = settings.entry.linkLabels;
    const known = new Set(configured.map((l) => l.toLowerCase()));
    const findings: RuleFinding[] = [];
    for (const entry of chunk.entries) {
      const shape = shapeOf(entry, known);
      const missing: string[] = [];
      if (shape.noTitle) missing.push('title');
      if (shape.noAuthors && conventions.usual(entry, 'authors')) missing.push('authors');
      if (shape.noYear && conventions.usual(entry, 'year')) missing.push('year');
      if (shape.noPaperLink) missing.push('paper link');
      if (missing.length > 0) {
        findings.push({ range: entry.title?.range ?? entry.range, message: `Entry has no ${joinWords(missing)}: expected "${TEMPLATE}".`, fixes: [] });
      }
      for (const link of shape.oddLabels) {
        const label = link.label.text.trim();
        if (survey.vocabulary.has(label.toLowerCase())) continue;
        const meant = likelyLabel(label, configured);
        findings.push({
          range: link.label.range,
          message: `Link label "${label}" is used nowhere else in the survey: expected one of ${configured.join(', ')} (setting entry.linkLabels)${meant?.unique ? `; did you mean "${meant.candidate}"?` : '.'}`,
          fixes: meant?.unique ? [{ title: `Change to "${meant.candidate}"`, edits: [{ range: link.label.range, newText: meant.candidate }], safe: false, isPreferred: true }] : [],
        });
      }
    }
    return findings;
  },
};

/** What an entry lacks on its own; whether that matters depends on its list (authors, year) and the survey (labels). */
interface Shape {
  noTitle: boolean;
  noAuthors: boolean;
  noYear: boolean;
  noPaperLink: boolean;
  /** Links after the title whose label is not configured. */
  oddLabels: Link[];
}

/** `known`: the configured labels, lower-cased. */
function shapeOf(entry: Entry, known: ReadonlySet<string>): Shape {
  return {
    noTitle: !entry.title,
    noAuthors: !entry.authors,
    noYear: !entry.year && needsYear(entry),
    noPaperLink: !hasPaperLink(entry),
    // `[[paper]](url)` reads as the label "[paper]": `malformed-link` reports the brackets.
    oddLabels: entry.links.filter((l) => !known.has(l.label.text.trim().toLowerCase()) && !/^\[.*\]$/.test(l.label.text.trim()) && isLabelLink(entry, l.range)),
  };
}

/** The configured label a slip meant: one edit away, or two letters swapped (`ppaer`). */
function likelyLabel(label: string, configured: string[]): Closest | undefined {
  const near = closest(label, configured, 2, (s) => s.toLowerCase());
  if (!near?.unique) return undefined;
  const letters = (s: string) => [...s.toLowerCase()].sort().join('');
  return near.distance <= 1 || letters(label) === letters(near.candidate) ? near : undefined;
}

/** The year is needed unless the entry names a venue other than a preprint server. */
function needsYear(entry: Entry): boolean {
  return !entry.venue || /^arxiv\b/i.test(entry.venue.text.trim());
}

function hasPaperLink(entry: Entry): boolean {
  return entry.links.length === 0 ? entry.linkIssues.length > 0 : !!entry.arxiv || !!paperLink(entry);
}

/** A link after the title (`[[code](…)]`), not a title that is itself a link. */
function isLabelLink(entry: Entry, range: Entry['range']): boolean {
  return !entry.title || comparePositions(range.start, entry.title.range.end) >= 0;
}

function joinWords(words: string[]): string {
  return words.length === 1 ? words[0]! : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}
