import { closest, type Closest } from './closest';
import { detached } from '../model/memo';
import { knownVenueNames } from '../venues';
import { entryRule } from './entryRule';
import { smallestChange } from './smallestChange';

/** Acronyms one letter apart are often both real (`ACM`/`ACL`, `ICDL`/`ICML`): never a typo by distance alone. */
const ACRONYM = /^[A-Z0-9&/-]+$/;

/**
 * `venue-typo`: a venue that Surveyor does not know but that is one or two
 * edits from one it knows (`arKiv` → `arXiv`). Case alone is not a typo.
 * Short names allow one edit only, acronyms none.
 */
export const venueTypo = entryRule('venue-typo', (entry, { settings }) => {
  const venue = entry.venue;
  if (!venue || ACRONYM.test(venue.text)) return [];
  const near = venueMeant(venue.text, settings.venues);
  if (!near) return [];
  // Only the letters that differ change: `Arxi\`v` becomes `Arxiv`, a spelling the rule accepts, and keeps its capitals.
  const change = smallestChange(venue.text, near.candidate, true);
  const fixed = venue.text.slice(0, change.from) + change.newText + venue.text.slice(change.to);
  const removed = venue.text.slice(change.from, change.to);
  // A mark that differs (`(NeurIPS` with its ")" lost, `Arx⏎iv` across a line break) is not a misspelling: offered, not applied unseen.
  const lettersOnly = /^[\p{L}\p{N}]*$/u.test(removed + change.newText);
  return [
    {
      range: venue.range,
      message: `Unknown venue "${venue.text}": did you mean "${near.candidate}"? (Add real venues Surveyor does not know to "venues" in .surveyor.json.)`,
      fixes: [{ title: `Change to "${fixed}"`, edits: [{ range: venue.range, newText: fixed }], safe: near.distance === 1 && lettersOnly, isPreferred: true }],
    },
  ];
});

/** The one known venue an unknown venue is a typo of, remembered per spelling for the configured names. */
function venueMeant(written: string, extra: readonly string[]): Closest | undefined {
  if (memo?.extra !== extra || memo.answers.size > 10_000) memo = { extra, answers: new Map() };
  if (memo.answers.has(written)) return memo.answers.get(written);
  const names = knownVenueNames(extra);
  let answer: Closest | undefined;
  if (!names.some((n) => n.toLowerCase() === written.toLowerCase())) {
    const near = closest(written, names, written.length <= 5 ? 1 : 2, (s) => s.toLowerCase());
    if (near && near.distance > 0 && near.unique) answer = near;
  }
  memo.answers.set(detached(written), answer);
  return answer;
}

let memo: { extra: readonly string[]; answers: Map<string, Closest | undefined> } | undefined;
