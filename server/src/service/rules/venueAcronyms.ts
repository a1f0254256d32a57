/** An acronym written in an entry's venue, with its place in the venue's text. */
export interface WrittenAcronym {
  text: string;
  from: number;
  to: number;
}

/**
 * Words that may stand beside a venue's acronym (`EMNLP 2023 Findings`,
 * `Findings of EMNLP`, `ICLR 2024 Oral`, `NeurIPS Datasets and Benchmarks`).
 * Any other word means the text is not plainly a venue (a title or authors read
 * as the venue, a workshop's full name): its acronyms are then left alone.
 */
const VENUE_WORDS = new Set([
  ...['findings', 'of', 'the', 'on', 'in', 'and', 'workshop', 'workshops', 'main', 'industry', 'track', 'technical', 'companion', 'proceedings'],
  ...['oral', 'spotlight', 'poster', 'highlight', 'short', 'long', 'paper', 'papers', 'demo', 'demos', 'datasets', 'benchmarks'],
  ...['conference', 'symposium', 'journal', 'transactions', 'best', 'award', 'student', 'research', 'volume', 'special', 'session'],
]);

/** The most words a venue is read in (`NeurIPS 2022 Datasets and Benchmarks Track` has 6): a longer text is not plainly a venue. */
const MAX_WORDS = 8;

const ACRONYM = /^[A-Z][A-Za-z]*$/;
const CAPITALS = /[A-Z]/g;
/** `DL4C`, `TF2M`, `3DV`: a name with digits; read past, never guessed at. */
const LETTERS_AND_DIGITS = /^[A-Za-z0-9]+$/;
/** A year on its own: `2023`, `23`, `'23`. */
const YEAR = /^(?:['’]?\d{2}|(?:19|20)\d{2})$/;
/** A year written onto the acronym: `ICLR'24`, `NeurIPS2023`, `ACL23`. */
const ATTACHED_YEAR = /(?<=[A-Za-z])(?:['’]\d{2}|(?:19|20)\d{2}|\d{2})$/;

/** `EMNLP`, `NeurIPS`, `CoNLL`: letters, starting with a capital, with at least two capitals. */
export function isAcronym(word: string): boolean {
  return ACRONYM.test(word) && capitals(word) >= 2;
}

/** The acronyms of a name, as one key: `Findings of ACL` and `ACL Findings` both give `acl`. */
export function acronymKey(name: string): string {
  return name
    .split(/[\s\-/@+(),:.]+/)
    .filter(isAcronym)
    .map((w) => w.toLowerCase())
    .sort()
    .join(' ');
}

function capitals(word: string): number {
  return word.match(CAPITALS)?.length ?? 0;
}

/**
 * The acronyms of a venue that reads as a venue: `(EMNLP 2023)`, `ICLR'24`,
 * `NeurIPS2023`, `Findings of EMNLP 2023`, `ACL-IJCNLP`. None when any word
 * is neither a venue's nor a known venue (`Laskar et al. ACL'23`,
 * `Workshop on Challenges in LLMs`).
 */
export function acronymsInVenue(venue: string, isKnownWord: (word: string) => boolean): WrittenAcronym[] {
  const found: WrittenAcronym[] = [];
  let words = 0;
  for (const word of venue.matchAll(/\S+/g)) {
    if (++words > MAX_WORDS) return [];
    let from = word.index;
    let to = from + word[0].length;
    // Brackets and trailing punctuation around a word: `(EMNLP 2023)`, `（AAAI 2024）`, `ICSE (SEIP)`, `ICLR 2024,`.
    while (from < to && /[(（[]/.test(venue[from]!)) from++;
    while (to > from && /[)）\],.;:]/.test(venue[to - 1]!)) to--;
    if (from === to) continue;
    let core = venue.slice(from, to);
    if (YEAR.test(core) || VENUE_WORDS.has(core.toLowerCase()) || isKnownWord(core)) continue;
    const year = ATTACHED_YEAR.exec(core);
    if (year) core = core.slice(0, year.index);
    // `ACL-IJCNLP`, `ESEC/FSE`, `AST@ICSE`: each part is read (`S&P` is one name).
    let at = from;
    for (const part of core.split(/([-/@+])/)) {
      if (part.length <= 1 || /^[-/@+]$/.test(part) || VENUE_WORDS.has(part.toLowerCase()) || (!isAcronym(part) && isKnownWord(part))) {
        at += part.length;
        continue;
      }
      if (isAcronym(part)) found.push({ text: part, from: at, to: at + part.length });
      else if (!(LETTERS_AND_DIGITS.test(part) && capitals(part) >= 2)) return [];
      at += part.length;
    }
  }
  return found;
}
