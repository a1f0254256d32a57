/**
 * Random corruptions of a survey of the kind real edits make: a bracket,
 * parenthesis, backtick or asterisk deleted, inserted or doubled; a character
 * of a url or a heading deleted, inserted or doubled; a line break removed or
 * added. Each is one small change at one place, reproducible from its seed.
 */

export interface Corruption {
  text: string;
  /** What was done where, for a failure message: `deleted "]" at 12:40`. */
  description: string;
  /** The 0-based line the change starts on. */
  line: number;
}

/** A small seeded generator (mulberry32): the same seed gives the same corruption on every machine. */
export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MARKUP = '[]()`*';
/** What a slip of the keyboard puts into a url: a neighbouring letter, a digit, markup, a space. */
const URL_NOISE = 'aeiorstvx0159./-_[]() ';
const HEADING_NOISE = 'aeinorst';

/** Where in one text the corruptions may strike, found once per text. */
export class CorruptionSites {
  private readonly markup: number[] = [];
  private readonly urls: [number, number][] = [];
  private readonly headings: [number, number][] = [];
  private readonly breaks: number[] = [];
  /** Lines with a link or a list item: where markup or a line break is inserted. */
  private readonly linkLines: [number, number][] = [];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      if (MARKUP.includes(text[i]!)) this.markup.push(i);
      else if (text[i] === '\n') this.breaks.push(i);
    }
    for (const m of text.matchAll(/\]\((https?:\/\/[^\s)]+)\)/g)) this.urls.push([m.index + 2, m.index + 2 + m[1]!.length]);
    for (const m of text.matchAll(/^(#{1,6}[ \t]+)(.+)$/gm)) this.headings.push([m.index + m[1]!.length, m.index + m[0].length]);
    for (const m of text.matchAll(/^.*$/gm)) if (m[0].includes('](') || /^\s*(?:[-*+]|\d+\.)\s/.test(m[0])) this.linkLines.push([m.index, m.index + m[0].length]);
  }

  /** The corruption that `seed` picks. */
  corrupt(seed: number): Corruption {
    // A kind the text has no place for (a list without headings) draws again.
    const next = random(seed);
    for (let attempt = 0; attempt < 100; attempt++) {
      const corruption = this.attempt(next);
      if (corruption) return corruption;
    }
    throw new Error('the text has nothing to corrupt');
  }

  private attempt(next: () => number): Corruption | undefined {
    const pick = <T>(items: readonly T[]): T | undefined => (items.length === 0 ? undefined : items[Math.floor(next() * items.length)]);
    const within = ([from, to]: [number, number]) => from + Math.floor(next() * (to - from));
    const kind = Math.floor(next() * 4);
    const action = (['delete', 'insert', 'double'] as const)[Math.floor(next() * 3)]!;
    if (kind === 0) {
      // Markup: delete or double one that is there, or insert one on a line with links or items.
      if (action === 'insert') {
        const line = pick(this.linkLines);
        return line ? this.insert(within([line[0], line[1] + 1]), pick([...MARKUP])!) : undefined;
      }
      const at = pick(this.markup);
      return at === undefined ? undefined : action === 'delete' ? this.remove(at) : this.insert(at, this.text[at]!);
    }
    if (kind === 1 || kind === 2) {
      const span = pick(kind === 1 ? this.urls : this.headings);
      if (!span || span[1] <= span[0]) return undefined;
      const at = within(span);
      if (action === 'delete') return this.remove(at);
      if (action === 'double') return this.insert(at, this.text[at]!);
      return this.insert(at, pick([...(kind === 1 ? URL_NOISE : HEADING_NOISE)])!);
    }
    // A line break: two lines joined, a blank line put between two, or a line broken in two.
    if (action !== 'insert') {
      const at = pick(this.breaks);
      return at === undefined ? undefined : action === 'delete' ? this.remove(at) : this.insert(at, '\n');
    }
    const line = pick(this.linkLines);
    return line ? this.insert(within([line[0], line[1] + 1]), '\n') : undefined;
  }

  private remove(at: number): Corruption {
    return { text: this.text.slice(0, at) + this.text.slice(at + 1), description: `deleted ${JSON.stringify(this.text[at])} at ${this.where(at)}`, line: this.lineOf(at) };
  }

  private insert(at: number, character: string): Corruption {
    return { text: this.text.slice(0, at) + character + this.text.slice(at), description: `inserted ${JSON.stringify(character)} at ${this.where(at)}`, line: this.lineOf(at) };
  }

  private lineOf(at: number): number {
    let low = 0;
    let high = this.breaks.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.breaks[mid]! < at) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** `line:column`, 1-based. */
  private where(at: number): string {
    const line = this.lineOf(at);
    const lineStart = line === 0 ? 0 : this.breaks[line - 1]! + 1;
    return `${line + 1}:${at - lineStart + 1}`;
  }
}
