import { normalizeText } from '../model/identity';
import { memoizeString } from '../model/memo';
import { findBibtexEscapes } from './bibtexEscapes';

/**
 * Author lists read name by name, for comparing who wrote a paper: accents,
 * case and initials aside (`B. Tarján` is `Balázs Tarjan`), BibTeX escapes
 * read as their letters (`Tarj{\'a}n`), affiliations in parentheses and
 * what follows `et al.` (a venue) dropped. Reads `Surname, I.`, `I. Surname`,
 * `Given Surname` and `Surname` names, separated by commas, `;`, `&` or `and`.
 */

/** One name as an entry writes it. */
export interface AuthorName {
  /** The surname folded for comparing (`tarjan`): the name's last word that is not an initial. */
  surname: string;
  /** The surname as written, escapes read (`Tarján`), for messages. */
  shown: string;
  /** The folded first letter of the given name, where the name shows one. */
  initial?: string;
  /** The folded given name, where the name writes it out (`Balázs`, not `B.`). */
  given?: string;
  /** Every folded word of the name but initials (a name may be written surname first). */
  words: string[];
  /** Where the name stands in the author text (initials after a comma included). */
  start: number;
  end: number;
  /** Written `Surname, I.`: the initials follow the surname after a comma. */
  initialsAfter?: true;
}

export interface AuthorList {
  names: AuthorName[];
  /** The list ends in `et al.` (or `and others`): it shows only its first names. */
  etAl: boolean;
}

/**
 * The names of an author list, or undefined where the list names no persons
 * to compare: empty, or written as a group (`OpenAI`, `Google DeepMind`,
 * `Meta AI`, `XLang Lab`, `FAIR et al.`).
 */
export const readAuthors = memoizeString((text: string): AuthorList | undefined => {
  const { resolved, rawOffset } = withEscapesRead(blankParenthesized(text));
  const etAl = ET_AL.exec(resolved);
  const listed = resolved.slice(0, etAl ? etAl.index : venueAfterNames(resolved));
  const names: AuthorName[] = [];
  for (const part of parts(listed)) {
    const words = wordsOf(part.text, part.start);
    if (words.length === 0) continue;
    const previous = names[names.length - 1];
    // `Luo, X.-J.`: initials alone after a comma belong to the name before them.
    if (words.every((w) => w.initial) && previous && !previous.initialsAfter && previous.initial === undefined) {
      previous.initial = words[0]!.folded[0];
      previous.end = words[words.length - 1]!.end;
      previous.initialsAfter = true;
      continue;
    }
    const name = nameOf(words);
    if (name) names.push(name);
  }
  if (names.length === 0 || isGroup(listed.slice(names[0]!.start, names[0]!.end))) return undefined;
  // One word alone (`Tsinghua`, `Anthropic`) is as likely an organisation as a surname: `Chen et al.` and `Chen, Li` say more.
  if (names.length === 1 && !etAl && names[0]!.words.length === 1 && names[0]!.initial === undefined) return undefined;
  // Offsets so far are in the text with escapes read; names point at the text as written.
  for (const name of names) {
    name.start = rawOffset(name.start);
    name.end = rawOffset(name.end);
  }
  return { names, etAl: etAl !== null };
});

/**
 * Two names are one person's as far as the text shows: the same surname,
 * and the same given name where both write it out (`ZiHao Wang` is not
 * `Zhilin Wang`), else the same initial where both show one.
 */
export function sameName(a: AuthorName, b: AuthorName): boolean {
  if (a.surname !== b.surname) return false;
  if (a.given !== undefined && b.given !== undefined) return a.given === b.given;
  return a.initial === undefined || b.initial === undefined || a.initial === b.initial;
}

/** A word folded for comparing names: accents, case and digits aside, and the letters NFKD leaves whole made plain (`ø`, `ł`). */
export function foldName(word: string): string {
  return normalizeText(word)
    .replace(/[^\p{L} ]/gu, '')
    .replace(/[øłßæœđı]/g, (c) => FOLDED_LETTERS[c]!);
}

const FOLDED_LETTERS: Record<string, string> = { ø: 'o', ł: 'l', ß: 'ss', æ: 'a', œ: 'o', đ: 'd', ı: 'i' };

/** `et al.`, `et. al`, `etal.`, `and others`: the list shows only its first names. */
const ET_AL = /\bet\.?\s*al\b\.?|\band\s+others\b/i;

/**
 * Where names end when a venue follows them without `et al.`
 * (`Deyao Zhu. arXiv.`): at a full stop after a word (not an initial) with
 * more text after it; else the whole text.
 */
function venueAfterNames(text: string): number {
  for (const m of text.matchAll(/\p{L}{2}\.\s+(?=\S)/gu)) return m.index + 2;
  return text.length;
}

/** `A, B; C & D and E`: the pieces between separators, with where each starts. */
function parts(text: string): { text: string; start: number }[] {
  const found: { text: string; start: number }[] = [];
  let from = 0;
  for (const m of text.matchAll(/[,;&，、]|\band\b/gi)) {
    found.push({ text: text.slice(from, m.index), start: from });
    from = m.index + m[0].length;
  }
  found.push({ text: text.slice(from), start: from });
  return found;
}

interface Word {
  written: string;
  folded: string;
  /** `B.`, `X.-J.`, `J`: letters alone. */
  initial: boolean;
  start: number;
  end: number;
}

/** The words of one name, each folded; `Jr.` and stray venue words are not names. */
function wordsOf(part: string, offset: number): Word[] {
  const words: Word[] = [];
  for (const m of part.matchAll(/\S+/g)) {
    const tokens = foldName(m[0]).split(' ').filter(Boolean);
    if (tokens.length === 0 || tokens.every((t) => NOT_NAMES.has(t))) continue;
    words.push({ written: lettersOnlyAtEnds(m[0]), folded: tokens.join(' '), initial: tokens.every((t) => t.length === 1), start: offset + m.index, end: offset + m.index + m[0].length });
  }
  return words;
}

/**
 * A word without what stands before its first letter and after its last
 * (`Zhu.` is `Zhu`). Not by `replace(/[^\p{L}]+$/u, '')`: that reads a long run
 * of punctuation again from each of its characters when a letter follows it.
 */
function lettersOnlyAtEnds(word: string): string {
  let start = 0;
  let end = word.length;
  while (start < end && !LETTER.test(word[start]!)) start++;
  while (end > start && !LETTER.test(word[end - 1]!)) end--;
  return word.slice(start, end);
}

const LETTER = /\p{L}/u;

const NOT_NAMES = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'arxiv', 'preprint']);

function nameOf(words: Word[]): AuthorName | undefined {
  let last = -1;
  for (let i = words.length - 1; i >= 0 && last === -1; i--) if (!words[i]!.initial) last = i;
  if (last === -1) return undefined;
  const surnameWord = words[last]!;
  const surnameTokens = surnameWord.folded.split(' ');
  const given = words.find((_, i) => i !== last);
  return {
    surname: surnameTokens[surnameTokens.length - 1]!,
    shown: surnameWord.written,
    ...(given ? { initial: given.folded[0]! } : {}),
    ...(given && !given.initial ? { given: given.folded } : {}),
    words: words.filter((w) => !w.initial).flatMap((w) => w.folded.split(' ')),
    start: words[0]!.start,
    end: words[words.length - 1]!.end,
  };
}

/** Words that make a name an organisation's (`OpenAI`, `Gemini Team`, `Meta AI`, `XLang Lab`). */
const GROUP_WORDS = new Set([
  'team', 'teams', 'lab', 'labs', 'laboratory', 'group', 'research', 'ai', 'inc', 'corp', 'corporation', 'company',
  'university', 'institute', 'academy', 'center', 'centre', 'foundation', 'consortium', 'collaboration', 'community',
  'project', 'committee', 'contributors', 'authors', 'anonymous', 'deepmind', 'openai', 'anthropic', 'google', 'meta',
  'microsoft', 'facebook', 'nvidia', 'amazon', 'ibm', 'alibaba', 'tencent', 'baidu', 'huawei', 'bytedance', 'deepseek',
  'mistral', 'qwen', 'eleutherai', 'bigscience', 'bigcode', 'lmsys', 'cohere',
]);

/**
 * A group rather than a person: a word of `GROUP_WORDS`, or one word alone
 * written as an acronym or in camel case (`FAIR`, `DeepSeek`): a surname
 * alone is written `Chen`.
 */
function isGroup(name: string): boolean {
  const words = name.split(/[\s\-–—:]+/).filter((w) => /\p{L}/u.test(w));
  if (words.some((w) => GROUP_WORDS.has(foldName(w)))) return true;
  if (words.length !== 1) return false;
  const word = words[0]!.replace(/[^\p{L}]/gu, '');
  return /^\p{Lu}{2,}$/u.test(word) || /\p{Ll}\p{Lu}/u.test(word);
}

/**
 * The words of an author list that are names, sorted and without repeats, for comparing lists
 * by who wrote the paper: affiliations in parentheses, `et al.`, initials, a venue written inside
 * the emphasis (`*Lee (Stanford) et al. arXiv.*`), case and accents are not names. Coarser than
 * `readAuthors` (it keeps no name whole), and it never gives up on a list.
 */
export function nameWords(authors: string): string[] {
  const words = normalizeText(blankParenthesized(authors).replace(/\bet\s+al\b\.?/gi, ' '))
    .split(' ')
    .filter((w) => w.length > 1 && !NOT_NAME_WORDS.has(w));
  return [...new Set(words)].sort();
}

/** Words of an author list that `nameWords` drops. */
const NOT_NAME_WORDS = new Set(['and', 'arxiv', 'preprint', 'et', 'al']);

/**
 * Each `(` and the text up to the next `)` made spaces, as many as it had
 * characters, so that what follows keeps its offset. One pass: a regex
 * `/\([^)]*\)/g` reads to the end again from every `(` after the last `)`.
 * An unclosed `(` and what follows it are kept.
 */
export function blankParenthesized(text: string): string {
  let out = '';
  let from = 0;
  for (let open = text.indexOf('('); open !== -1; open = text.indexOf('(', from)) {
    const close = text.indexOf(')', open);
    if (close === -1) break;
    out += text.slice(from, open) + ' '.repeat(close + 1 - open);
    from = close + 1;
  }
  return out + text.slice(from);
}

/** The text with BibTeX escapes read as their letters, and where each offset of it was in the text. */
function withEscapesRead(text: string): { resolved: string; rawOffset: (offset: number) => number } {
  const escapes = findBibtexEscapes(text);
  if (escapes.length === 0) return { resolved: text, rawOffset: (o) => o };
  let resolved = '';
  let from = 0;
  // [offset in resolved, offset in text] at the end of each escape: offsets between escapes move by the same amount.
  const marks: [number, number][] = [[0, 0]];
  for (const e of escapes) {
    resolved += text.slice(from, e.start) + e.letter;
    from = e.end;
    marks.push([resolved.length, e.end]);
  }
  resolved += text.slice(from);
  return {
    resolved,
    rawOffset: (offset) => {
      // The last mark at or before `offset`, by bisection: a long list may hold an escape in every name.
      let low = 0;
      let high = marks.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (marks[mid]![0] <= offset) low = mid;
        else high = mid - 1;
      }
      const [resolvedAt, rawAt] = marks[low]!;
      return rawAt + offset - resolvedAt;
    },
  };
}
