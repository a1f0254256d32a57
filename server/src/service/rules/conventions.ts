import type { Entry, ListBlock, SurveyDocument } from '../model/types';

/** Below this many entries a list says little about its own style; the document's is used. */
const SMALL_LIST = 3;

/**
 * What a list's entries usually carry, so that an entry is held to the style
 * of its own list: a list of `**Title.** Venue Year.` entries has no authors
 * by design, and an entry there lacking them is not wrong.
 */
export class ListConventions {
  /** Built on first use: most documents never ask (their entries are complete). */
  private listOf: Map<Entry, ListBlock> | undefined;
  /** Answers per list (`null`: the whole document), per convention name. */
  private readonly memo = new Map<ListBlock | null, Map<string, boolean>>();

  constructor(private readonly doc: SurveyDocument) {}

  /** Whether at least half the entries around `entry` satisfy `has` (`name` keys the answer). */
  usual(entry: Entry, name: string, has: (e: Entry) => boolean): boolean {
    if (!this.listOf) {
      this.listOf = new Map();
      for (const list of this.doc.lists) for (const item of list.items) if (item.entry) this.listOf.set(item.entry, list);
    }
    const list = this.listOf.get(entry);
    const listEntries = list ? list.items.flatMap((i) => (i.entry ? [i.entry] : [])) : [];
    const small = listEntries.length < SMALL_LIST;
    const scope = small ? null : list!;
    let answers = this.memo.get(scope);
    if (!answers) this.memo.set(scope, (answers = new Map()));
    let answer = answers.get(name);
    if (answer === undefined) {
      const pool = small ? this.doc.entries : listEntries;
      answer = pool.filter(has).length * 2 >= pool.length;
      answers.set(name, answer);
    }
    return answer;
  }
}
