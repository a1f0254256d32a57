import { distance } from 'fastest-levenshtein';
import type { Range } from 'vscode-languageserver-types';
import type { RuleFinding } from '../engine/finding';
import { closest, type Closest } from './closest';
import { detached } from '../model/memo';
import type { Span } from '../model/types';
import { knownVenueNames } from '../venues';
import { KnownAcronyms } from './acronymTypo';
import { entryRule } from './entryRule';
import { smallestChange } from './smallestChange';
import { acronymKey, acronymsInVenue, isAcronym } from './venueAcronyms';

/** Capitals only: a whole venue of them is read acronym by acronym, never by distance to the long names. */
const CAPITALS_ONLY = /^[A-Z0-9&/-]+$/;

/**
 * `venue-typo`: a venue that Surveyor does not know but that is one or two
 * edits from one it knows (`arKiv` → `arXiv`), or an acronym in the venue
 * that is a slip of exactly one known acronym (`EMLNP` → `EMNLP`, see
 * `KnownAcronyms.meant`). Case alone is not a typo.
 */
export const venueTypo = entryRule('venue-typo', (entry, { settings }) => {
  const venue = entry.venue;
  if (!venue) return [];
  const known = knownAcronyms(settings.venues);
  const whole = CAPITALS_ONLY.test(venue.text) || (isAcronym(venue.text) && known.isKnown(venue.text)) ? undefined : wholeVenueTypo(venue, settings.venues);
  return whole ? [whole] : acronymTypos(venue, known);
});

/** The venue as a whole, one or two edits from a known name: short names allow one edit only. */
function wholeVenueTypo(venue: Span, extra: readonly string[]): RuleFinding | undefined {
  const near = venueMeant(venue.text, extra);
  if (!near) return undefined;
  // Only the letters that differ change: `Arxi\`v` becomes `Arxiv`, a spelling the rule accepts, and keeps its capitals.
  const change = smallestChange(venue.text, near.candidate, true);
  const fixed = venue.text.slice(0, change.from) + change.newText + venue.text.slice(change.to);
  const removed = venue.text.slice(change.from, change.to);
  // A mark that differs (`(NeurIPS` with its ")" lost, `Arx⏎iv` across a line break) is not a misspelling: offered, not applied unseen.
  const lettersOnly = /^[\p{L}\p{N}]*$/u.test(removed + change.newText);
  // Acronyms one letter apart may both be real (`NeurIPS`, `EurIPS`): an acronym's fix is always looked at first.
  // Short names and a plural are real names as often as slips (`Cells`/`Cell`, `Sensor`/`Sensors`): looked at first too.
  const pluralOnly = fixed.toLowerCase() === `${venue.text.toLowerCase()}s` || venue.text.toLowerCase() === `${fixed.toLowerCase()}s`;
  const safe = near.distance === 1 && lettersOnly && !isAcronym(venue.text) && !pluralOnly && near.candidate.length >= 5;
  return typoFinding(venue.range, venue.text, near.candidate, fixed, safe);
}

/** Each acronym of the venue that is a slip of a known one: the acronym alone is changed, and never unseen. */
function acronymTypos(venue: Span, known: KnownAcronyms): RuleFinding[] {
  const found: RuleFinding[] = [];
  for (const written of acronymsInVenue(venue.text, (word) => known.isKnown(word))) {
    const meant = known.meant(written.text);
    if (!meant) continue;
    // Whether an acronym is a slip rests on how complete the list of known venues is (`ICSA` and `ISCA` are both real):
    // an info, however close it looks.
    found.push({ ...typoFinding(partRange(venue, written.from, written.to), written.text, meant, meant, false), atMost: 'info' });
  }
  return found;
}

function typoFinding(range: Range, written: string, meant: string, fixed: string, safe: boolean): RuleFinding {
  return {
    range,
    message: `Unknown venue "${written}": did you mean "${meant}"? (Add real venues Surveyor does not know to "venues" in .surveyor.json.)`,
    fixes: [{ title: `Change to "${fixed}"`, edits: [{ range, newText: fixed }], safe, isPreferred: true }],
  };
}

/** The range of `venue.text.slice(from, to)`: on one line, counted from the venue's start; the whole venue otherwise. */
function partRange(venue: Span, from: number, to: number): Range {
  const { start, end } = venue.range;
  if (start.line !== end.line || end.character - start.character !== venue.text.length) return venue.range;
  return { start: { line: start.line, character: start.character + from }, end: { line: start.line, character: start.character + to } };
}

/**
 * The one known venue an unknown venue is a typo of, remembered per spelling
 * for the configured names. Only names that are words (`arXiv`, `Nature`,
 * the long names) are compared by distance: an acronym differs from another
 * real one by a letter (`Blog`/`LoG`, `IEEE SPM`/`IEEE S&P`), so a venue is
 * taken for a known acronym here only where a bracket is all that differs
 * (`(NeurIPS` with its ")" lost); slips of acronyms are `KnownAcronyms`'.
 */
function venueMeant(written: string, extra: readonly string[]): Closest | undefined {
  if (!memo || !sameNames(memo, extra) || memo.answers.size > 10_000) {
    const names = knownVenueNames(extra);
    const words = new Map<string, string[]>();
    for (const name of names.filter(isWordLike)) words.set(acronymKey(name), [...(words.get(acronymKey(name)) ?? []), name]);
    memo = { extra, key: extra.join('\n'), names, lowerNames: new Set(names.map((n) => n.toLowerCase())), words, answers: new Map() };
  }
  if (memo.answers.has(written)) return memo.answers.get(written);
  const lower = written.toLowerCase();
  let answer: Closest | undefined;
  if (!memo.lowerNames.has(lower)) {
    const maxDistance = written.length <= 5 ? 1 : 2;
    // A name with other acronyms is another venue, however few letters apart (`ICLM Findings`, `ACL Findings`).
    const candidates = (memo.words.get(acronymKey(written)) ?? []).filter((n) => Math.abs(n.length - written.length) <= maxDistance);
    const near = closest(written, candidates, maxDistance, (s) => s.toLowerCase());
    if (near && near.distance > 0 && near.unique) answer = near;
    else if (!near) {
      const bare = withoutBrackets(lower);
      const meant = bare !== lower && memo.lowerNames.has(bare) ? memo.names.find((n) => n.toLowerCase() === bare) : undefined;
      if (meant) answer = { candidate: meant, distance: distance(lower, bare), unique: true };
    }
  }
  memo.answers.set(detached(written), answer);
  return answer;
}

/** A name with a word that is not an acronym: `arXiv`, `IEEE Access`, `Findings of ACL`. */
function isWordLike(name: string): boolean {
  return name.split(/\s+/).some((word) => /\p{Ll}/u.test(word) && !isAcronym(word));
}

/** `(NeurIPS` → `NeurIPS`: a bracket or quote lost or left over. */
function withoutBrackets(s: string): string {
  return s.replace(/[()[\]{}`'"]/g, '');
}

/** Per configured names: every name (and lower-cased), and the names that are words by the acronyms they hold (`''` for none). */
let memo: (ForNames & { names: string[]; lowerNames: Set<string>; words: Map<string, string[]>; answers: Map<string, Closest | undefined> }) | undefined;

/** The known acronyms, built once per configured names. */
function knownAcronyms(extra: readonly string[]): KnownAcronyms {
  if (!acronymMemo || !sameNames(acronymMemo, extra)) acronymMemo = { extra, key: extra.join('\n'), known: new KnownAcronyms(knownVenueNames(extra)) };
  return acronymMemo.known;
}

let acronymMemo: (ForNames & { known: KnownAcronyms }) | undefined;

/** What a memo was built for: the configured names, by identity and by content (each new settings object brings an equal copy). */
interface ForNames {
  extra: readonly string[];
  key: string;
}

function sameNames(memo: ForNames, extra: readonly string[]): boolean {
  if (memo.extra === extra) return true;
  if (memo.key !== extra.join('\n')) return false;
  memo.extra = extra;
  return true;
}
