import { SHIPPED_VENUES } from '../venues';

export interface NamedVenue {
  /** The known venue's name. */
  venue: string;
  year: number;
}

/**
 * The one known venue and year a reference names (`Findings of ACL 2024`,
 * `Proceedings of the 61st Annual Meeting of the Association for
 * Computational Linguistics (Volume 1: Long Papers), pages 1–10, 2023`,
 * `NeurIPS 2023`), or nothing where it names none, several, or a part of a
 * venue that is not the venue itself (a workshop, the Findings of a
 * conference whose main proceedings are the venue, a demo track). The
 * reference, or one of its comma- or parenthesis-separated parts, must be a
 * known venue's name or alias once the words every reference may carry
 * are set aside (`Proceedings of the`, ordinals, volumes and pages, `main
 * conference`, `accepted at`); nothing is matched by likeness.
 */
export function venueNamedBy(reference: string, extra: readonly string[]): NamedVenue | undefined {
  if (reference.length > MAX_REFERENCE) return undefined;
  const text = reference.replace(/\bTrans\.\s*/g, 'Transactions ').replace(/\bthe ACL\b/g, 'the Association for Computational Linguistics');
  if (NOT_PUBLISHED.test(text)) return undefined;
  const year = yearOf(text);
  if (year === undefined) return undefined;
  const index = venueIndex(extra);
  const found = new Map<string, Set<string>>();
  for (const part of [text, ...text.split(SEPARATORS)]) {
    const key = plainVenue(part);
    const known = key ? index.byKey.get(key) : undefined;
    if (known) (found.get(known.venue) ?? found.set(known.venue, new Set()).get(known.venue)!).add(known.spelling);
  }
  if (found.size !== 1) return undefined;
  const [[venue, spellings]] = found as unknown as [[string, Set<string>]];
  if (index.preprintVenues.has(venue)) return undefined;
  // `EMNLP 2023 Workshop on …`, `EMNLP 2023 (Findings)`: a part of the venue, not the venue itself.
  const ownWords = new Set([venue, ...spellings].flatMap((s) => wordsOf(s.toLowerCase())));
  for (const side of text.matchAll(SIDE_EVENTS)) if (!wordsOf(side[0].toLowerCase()).every((w) => ownWords.has(w))) return undefined;
  // Another venue named besides (`Findings of the ACL: EMNLP 2023` is not the Findings of ACL, though the list has it as an alias).
  const nameWords = new Set(wordsOf(venue));
  for (const word of wordsOf(text)) {
    const named = index.singleWords.get(word);
    if (named !== undefined && named !== venue && !nameWords.has(word)) return undefined;
  }
  return { venue, year };
}

/** Real references are a line (under 300 characters); a longer text, from a cache or an endpoint gone wrong, names nothing. */
export const MAX_REFERENCE = 1000;

/** Words that name a part of a venue or an event beside it. */
const SIDE_EVENTS = /\b(?:workshops?|findings|companion|adjunct|student|doctoral|tutorials?|demos?|demonstrations?|shared tasks?|challenges?|competitions?|tiny|extended abstracts?|symposium|symposia|satellite|co-?located|blog ?posts?)\b/gi;

/** A reference that does not say the paper was published there. */
const NOT_PUBLISHED = /\b(?:submitted|submission|under review|in review|rejected)\b/i;

/** Where a reference's parts end: `Venue (Volume 1: Long Papers), pages 1-10, 2023`. */
const SEPARATORS = /[,;()[\]|–—]|\s-\s/;

/** The one year a reference names (`2023`, `ACL'23`, `AAAI-24`); none where it names several. */
function yearOf(text: string): number | undefined {
  const years = new Set<number>();
  for (const m of text.matchAll(/\b(?:19|20)\d{2}\b/g)) years.add(Number(m[0]));
  for (const m of text.matchAll(/(?<=\p{L})['’-](\d{2})\b/gu)) years.add(2000 + Number(m[1]));
  return years.size === 1 ? [...years][0] : undefined;
}

/** Words a reference may carry around a venue's name: set aside on both sides of the comparison. */
const NOISE = new Set(['main', 'conference', 'track', 'long', 'short', 'full', 'paper', 'papers', 'oral', 'spotlight', 'highlight', 'poster', 'volume', 'vol', 'no', 'pp', 'page', 'pages', 'article']);
/** Words that may open a reference before the venue (`Accepted as a long paper at`, `In: Proceedings of the IEEE/CVF`). */
const OPENERS = new Set(['in', 'to', 'appear', 'appears', 'appearing', 'accepted', 'published', 'presented', 'at', 'as', 'by', 'for', 'the', 'a', 'an', 'proceedings', 'proc', 'of', 'ieee', 'acm', 'ieee/cvf', 'cvf', 'ieee/acm']);
const ORDINAL = /^(?:\d+(?:st|nd|rd|th)|(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|tenth|eleventh|twelfth|(?:thir|four|fif|six|seven|eigh|nine)teenth|(?:twen|thir|for|fif|six|seven|eigh|nine)tieth)$/;

/** A venue's name as compared: lower case, no accents or punctuation, without years, numbers, ordinals and the words of `NOISE` and `OPENERS`. */
function plainVenue(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]\d{2}\b/g, ' ')
    .replace(/[.:;!?"“”'’()[\]{}]/g, ' ')
    .split(/\s+/)
    .map((w) => w.replace(/-\d{2}$/, ''))
    .filter((w) => w !== '' && !/^[\d/-]+$/.test(w) && !ORDINAL.test(w) && !NOISE.has(w));
  let start = 0;
  while (start < words.length && OPENERS.has(words[start]!)) start++;
  return words.slice(start).join(' ');
}

function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+/gu) ?? [];
}

interface VenueIndex {
  /** Plain form → the venue it names and the spelling it came from; a form two venues share names neither. */
  byKey: Map<string, { venue: string; spelling: string }>;
  /** Known names and aliases of one word (`ACL`, `NIPS`, `Nature`), as written, and the venue each names. */
  singleWords: Map<string, string>;
  /** The venues that are preprint servers (a reference naming arXiv names no publication). */
  preprintVenues: Set<string>;
}

let memo: { extra: readonly string[]; index: VenueIndex } | undefined;

function venueIndex(extra: readonly string[]): VenueIndex {
  if (memo?.extra === extra) return memo.index;
  const byKey = new Map<string, { venue: string; spelling: string }>();
  const shared = new Set<string>();
  const singleWords = new Map<string, string>();
  const add = (venue: string, spelling: string) => {
    const key = plainVenue(spelling);
    if (key === '' || shared.has(key)) return;
    const before = byKey.get(key);
    if (before && before.venue !== venue) {
      byKey.delete(key);
      shared.add(key);
      return;
    }
    byKey.set(key, { venue, spelling });
    if (/^[\p{L}\p{N}]+$/u.test(spelling)) singleWords.set(spelling, venue);
  };
  for (const v of SHIPPED_VENUES) for (const spelling of [v.name, ...v.aliases]) add(v.name, spelling);
  for (const name of extra) add(byKey.get(plainVenue(name))?.venue ?? name, name);
  const preprintVenues = new Set(SHIPPED_VENUES.filter((v) => v.name === 'arXiv').map((v) => v.name));
  memo = { extra, index: { byKey, singleWords, preprintVenues } };
  return memo.index;
}
