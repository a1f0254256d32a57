import { distance } from 'fastest-levenshtein';
import { detached } from '../model/memo';
import { isAcronym } from './venueAcronyms';

/** How long a known acronym must be for a letter dropped or added (`NAAC`), or changed (`NeirIPS`), to be taken for a slip of it. */
const MIN_LENGTH_ADDED_OR_DROPPED = 5;
const MIN_LENGTH_CHANGED = 7;

/** The known venue names of one word, and the acronyms in the others, for telling a known acronym from a slip. */
export class KnownAcronyms {
  /** Lower-cased: one-word names (`arxiv`, `interspeech`, `esec/fse`), their parts (`esec`), and every acronym in a name (`ieee`, `cvf`, `tog`). */
  private readonly known = new Set<string>();
  /** The acronyms a slip may be corrected to, lower-cased, with their spelling, by length. */
  private readonly acronyms = new Map<number, Map<string, string>>();
  private readonly answers = new Map<string, string | undefined>();

  constructor(names: readonly string[]) {
    for (const name of names) {
      if (!/\s/.test(name)) this.known.add(name.toLowerCase());
      for (const word of name.split(/[\s\-/@+(),:]+/)) {
        const lower = word.toLowerCase();
        if (!/\s/.test(name)) this.known.add(lower);
        if (!isAcronym(word)) continue;
        this.known.add(lower);
        const sameLength = this.acronyms.get(lower.length) ?? new Map<string, string>();
        if (!sameLength.has(lower)) sameLength.set(lower, word);
        this.acronyms.set(lower.length, sameLength);
      }
    }
  }

  /** A known one-word venue or acronym; `CVPRW`, `NeurIPSW` (a known venue's workshops) too. */
  isKnown(word: string): boolean {
    const w = word.toLowerCase();
    return this.known.has(w) || (w.length > 2 && w.endsWith('w') && this.known.has(w.slice(0, -1)));
  }

  /**
   * The known acronym an unknown one is a slip of, when there is exactly one:
   * two neighbouring letters swapped (`ICLM` → `ICML`, `EMLNP` → `EMNLP`);
   * else, with no other known acronym one edit away, one letter dropped or
   * added in an acronym of five letters or more (`NAAC` → `NAACL`,
   * `NerurIPS` → `NeurIPS`), or one letter changed in one of seven or more
   * (`NeirIPS`). Shorter acronyms a letter apart are often all real (`ICML`,
   * `ICMR`, `ICME`; `ICDCS`, `ICICS`): a letter changed there is never a slip.
   */
  meant(written: string): string | undefined {
    const w = written.toLowerCase();
    if (this.answers.has(w)) return this.answers.get(w);
    const answer = this.isKnown(w) || w.length < 4 ? undefined : this.nearest(w);
    if (this.answers.size < 10_000) this.answers.set(detached(w), answer);
    return answer;
  }

  private nearest(w: string): string | undefined {
    const swapped: string[] = [];
    const edited: string[] = [];
    for (const length of [w.length - 1, w.length, w.length + 1]) {
      for (const [known, spelling] of this.acronyms.get(length) ?? []) {
        if (isSwap(w, known)) swapped.push(spelling);
        else if (distance(w, known) === 1) edited.push(spelling);
      }
    }
    if (swapped.length > 0) return swapped.length === 1 ? swapped[0] : undefined;
    if (edited.length !== 1) return undefined;
    const meant = edited[0]!;
    const longEnough = meant.length === w.length ? MIN_LENGTH_CHANGED : MIN_LENGTH_ADDED_OR_DROPPED;
    return meant.length >= longEnough ? meant : undefined;
  }
}

/** `a` is `b` with two neighbouring letters swapped. */
function isSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}
