import { comparePositions } from '../model/positions';
import { paperLink } from '../model/identity';
import type { Entry } from '../model/types';
import { closest, type Closest } from './closest';
import { ListConventions } from './conventions';
import type { Rule, RuleFinding } from './rule';

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
export const entryFormat: Rule = {
  code: 'entry-format',
  check(doc, { settings }) {
    const conventions = new ListConventions(doc);
    const labels = surveyLabels(doc.entries, settings.entry.linkLabels);
    const findings: RuleFinding[] = [];
    for (const entry of doc.entries) {
      const missing: string[] = [];
      if (!entry.title) missing.push('title');
      if (!entry.authors && conventions.usual(entry, 'authors', (e) => !!e.authors)) missing.push('authors');
      if (!entry.year && needsYear(entry) && conventions.usual(entry, 'year', (e) => !!e.year)) missing.push('year');
      if (!hasPaperLink(entry)) missing.push('paper link');
      if (missing.length > 0) {
        findings.push({ range: entry.title?.range ?? entry.range, message: `Entry has no ${joinWords(missing)}: expected "${TEMPLATE}".`, fixes: [] });
      }
      for (const link of entry.links) {
        const label = link.label.text.trim();
        // `[[paper]](url)` reads as the label "[paper]": `malformed-link` reports the brackets.
        if (labels.has(label.toLowerCase()) || /^\[.*\]$/.test(label) || !isLabelLink(entry, link.range)) continue;
        const meant = likelyLabel(label, settings.entry.linkLabels);
        findings.push({
          range: link.label.range,
          message: `Link label "${label}" is used nowhere else in the survey: expected one of ${settings.entry.linkLabels.join(', ')} (setting entry.linkLabels)${meant?.unique ? `; did you mean "${meant.candidate}"?` : '.'}`,
          fixes: meant?.unique ? [{ title: `Change to "${meant.candidate}"`, edits: [{ range: link.label.range, newText: meant.candidate }], safe: false, isPreferred: true }] : [],
        });
      }
    }
    return findings;
  },
};

/** A label used this often is the survey's own vocabulary (`Checkpoint`, `Homepage`), not a slip. */
const VOCABULARY_USES = 3;

/** The configured labels, and the labels the survey itself uses repeatedly, lower-cased. */
function surveyLabels(entries: Entry[], configured: string[]): Set<string> {
  const labels = new Set(configured.map((l) => l.toLowerCase()));
  const uses = new Map<string, number>();
  for (const entry of entries) {
    for (const link of entry.links) {
      const label = link.label.text.trim().toLowerCase();
      uses.set(label, (uses.get(label) ?? 0) + 1);
    }
  }
  for (const [label, n] of uses) if (n >= VOCABULARY_USES) labels.add(label);
  return labels;
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
