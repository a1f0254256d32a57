/**
 * BibTeX/LaTeX accent escapes as they leak into author lists copied from a
 * `.bib` file (`Tarj{\'a}n`), and the letters they stand for (`Tarján`).
 */
export interface BibtexEscape {
  start: number;
  end: number;
  written: string;
  letter: string;
}

/** Combining marks of LaTeX's accent commands. */
const ACCENTS: Record<string, string> = {
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '"': '\u0308',
  '~': '\u0303',
  '=': '\u0304',
  '.': '\u0307',
  u: '\u0306',
  v: '\u030C',
  H: '\u030B',
  c: '\u0327',
  k: '\u0328',
  r: '\u030A',
};

/** LaTeX's named letters. */
const LETTERS: Record<string, string> = {
  ss: 'ß', o: 'ø', O: 'Ø', aa: 'å', AA: 'Å', ae: 'æ', AE: 'Æ', oe: 'œ', OE: 'Œ', l: 'ł', L: 'Ł', i: 'ı', j: 'ȷ',
};

// `{\'a}`, `\'{a}`, `{\'{a}}`, `\'a`, `\c{c}`, `{\c c}`; then `{\ss}`, `{\o}`, `\ss`.
const SYMBOL_ACCENT = String.raw`\\(['\x60^"~=.])\s*(?:\{\s*(\\?[A-Za-z])\s*\}|(\\?[A-Za-z]))`;
const LETTER_ACCENT = String.raw`\\([uvHckr])(?:\s*\{\s*(\\?[A-Za-z])\s*\}|\s+(\\?[A-Za-z]))`;
const NAMED = String.raw`\\(ss|aa|AA|ae|AE|oe|OE|o|O|l|L|i|j)(?![A-Za-z])`;
const ESCAPE = new RegExp(String.raw`\{(?:${SYMBOL_ACCENT}|${LETTER_ACCENT}|${NAMED})\}|${SYMBOL_ACCENT}|${LETTER_ACCENT}|${NAMED}`, 'g');

export function findBibtexEscapes(text: string): BibtexEscape[] {
  const found: BibtexEscape[] = [];
  // Every escape has a backslash: most author lists are passed over at the speed of a search for one.
  if (!text.includes('\\')) return found;
  for (const m of text.matchAll(ESCAPE)) {
    const g = m.slice(1);
    // The groups repeat in the braced and the bare alternatives: take whichever matched.
    const accent = g[0] ?? g[3] ?? g[7] ?? g[10];
    const base = g[1] ?? g[2] ?? g[4] ?? g[5] ?? g[8] ?? g[9] ?? g[11] ?? g[12];
    const named = g[6] ?? g[13];
    let letter: string;
    if (named) letter = LETTERS[named]!;
    else {
      const plain = base!.startsWith('\\') ? (LETTERS[base!.slice(1)] ?? base!.slice(1)) : base!;
      letter = (plain + ACCENTS[accent!]!).normalize('NFC');
    }
    found.push({ start: m.index, end: m.index + m[0].length, written: m[0], letter });
  }
  return found;
}
