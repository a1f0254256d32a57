import { closest } from './closest';
import { knownVenueNames } from '../venues';
import type { Rule, RuleFinding } from './rule';

/** Acronyms one letter apart are often both real (`ACM`/`ACL`, `ICDL`/`ICML`): never a typo by distance alone. */
const ACRONYM = /^[A-Z0-9&/-]+$/;

/**
 * `venue-typo`: a venue that Surveyor does not know but that is one or two
 * edits from one it knows (`arKiv` → `arXiv`). Case alone is not a typo.
 * Short names allow one edit only, acronyms none.
 */
export const venueTypo: Rule = {
  code: 'venue-typo',
  check(doc, { settings }) {
    const names = knownVenueNames(settings.venues);
    const known = new Set(names.map((n) => n.toLowerCase()));
    const findings: RuleFinding[] = [];
    for (const entry of doc.entries) {
      const venue = entry.venue;
      if (!venue || known.has(venue.text.toLowerCase()) || ACRONYM.test(venue.text)) continue;
      const near = closest(venue.text, names, venue.text.length <= 5 ? 1 : 2, (s) => s.toLowerCase());
      if (!near || near.distance === 0 || !near.unique) continue;
      findings.push({
        range: venue.range,
        message: `Unknown venue "${venue.text}": did you mean "${near.candidate}"? (Add real venues Surveyor does not know to "venues" in .surveyor.json.)`,
        fixes: [{ title: `Change to "${near.candidate}"`, edits: [{ range: venue.range, newText: near.candidate }], safe: near.distance === 1, isPreferred: true }],
      });
    }
    return findings;
  },
};
