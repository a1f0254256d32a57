import { comparePositions } from '../model/positions';
import { paperLink } from '../model/identity';
import type { Entry, Link } from '../model/types';
import { closest, type Closest } from './closest';
import { entryRule } from './entryRule';
import type { SurveyFacts } from '../engine/surveyFacts';
import type { RuleFinding } from '../engine/rule';

/**
 * `entry-format`: an entry that lacks what the other entries of its list
 * carry (authors, a year, a link to the paper), or a link label that is a
 * slip for one the survey uses (`ppaer` for `paper`). Each field is asked for
 * only where the entry's own list usually has it (a list of
 * `**Title.** Venue Year.` entries has no authors by design), and a year only
 * where the venue does not already date the paper (`Proceedings of …
 * Conference` without a year is a deliberate style, a bare `arXiv.` is not).
 * Descriptive labels (`code by the authors`, `Eval Tool`) are normal and left
 * alone; so are badges.
 */
export const entryFormat = entryRule(
  'entry-format',
  (entry, { settings, survey }, habits) => {
    const { known, candidates } = labelsOf(settings.entry.linkLabels, survey);
    const findings: RuleFinding[] = [];
    const shape = shapeOf(entry, known);
    const missing: string[] = [];
    if (shape.noTitle) missing.push('title');
    // A table row has the fields its table's columns give: a table without a Date column dates nothing.
    if (shape.noAuthors && !entry.row && habits.authors) {
      if (entry.brokenEmphasis) {
        findings.push({ range: entry.title?.range ?? entry.range, message: 'Entry has an author list whose "*" or "_" does not open or close: GitHub shows the marks and no italics.', fixes: [] });
      } else missing.push('authors');
    }
    if (shape.noYear && !entry.row && habits.year) missing.push('year');
    if (shape.noPaperLink && habits.paperLink) missing.push('paper link');
    if (missing.length > 0) {
      findings.push({ range: entry.title?.range ?? entry.range, message: `Entry has no ${joinWords(missing)}, which the entries around it have.`, fixes: [] });
    }
    for (const link of shape.oddLabels) {
      const label = link.label.text.trim();
      const meant = likelyLabel(label, candidates);
      if (!meant) continue;
      findings.push({
        range: link.label.range,
        message: `Link label "${label}": did you mean "${meant.candidate}", as the survey writes it elsewhere?`,
        fixes: [{ title: `Change to "${meant.candidate}"`, edits: [{ range: link.label.range, newText: meant.candidate }], safe: false, isPreferred: true }],
      });
    }
    return findings;
  },
  { survey: true },
);

/**
 * The labels a link may carry (configured, or the survey's own vocabulary;
 * lower-cased), and those a slip is measured against. Once per settings and
 * survey facts: every entry asks.
 */
function labelsOf(configured: readonly string[], survey: SurveyFacts): { known: ReadonlySet<string>; candidates: string[] } {
  const kept = labels.get(survey);
  if (kept?.configured === configured) return kept;
  const known = new Set([...configured.map((l) => l.toLowerCase()), ...survey.vocabulary]);
  // Slips are measured against what the survey writes itself, and the configured labels.
  const candidates = [...new Set([...configured, ...survey.vocabulary])];
  const made = { configured, known, candidates };
  labels.set(survey, made);
  return made;
}

const labels = new WeakMap<SurveyFacts, { configured: readonly string[]; known: ReadonlySet<string>; candidates: string[] }>();

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
    oddLabels: entry.links.filter((l) => !l.image && !l.title && !known.has(l.label.text.trim().toLowerCase()) && !/^\[.*\]$/.test(l.label.text.trim()) && isLabelLink(entry, l.range)),
  };
}

/** The label a slip meant: one edit away, or two letters swapped (`ppaer`); short labels (`pdf`, `ppt`) are too close to guess. */
function likelyLabel(label: string, candidates: string[]): Closest | undefined {
  if (label.length < 4) return undefined;
  const near = closest(label, candidates, 2, (s) => s.toLowerCase());
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
