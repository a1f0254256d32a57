import { usually, type Convention } from '../engine/conventions';
import type { SurveyFacts } from '../engine/surveyFacts';
import type { Entry, ListBlock, SurveyDocument } from '../model/types';

/** Below this many entries a list says little about its own style; the survey's is used. */
const SMALL_LIST = 3;

/**
 * What a list's entries usually carry, so that an entry is held to the style
 * of its own list: a list of `**Title.** Venue Year.` entries has no authors
 * by design, and an entry there lacking them is not wrong.
 */
export class ListConventions {
  /** Built on first use: most chunks never ask (their entries are complete). */
  private listOf: Map<Entry, ListBlock> | undefined;
  private readonly memo = new Map<ListBlock, Map<Convention, boolean>>();

  /** `doc` holds the entries asked about (a chunk); `survey` answers for short lists. */
  constructor(
    private readonly doc: SurveyDocument,
    private readonly survey: SurveyFacts,
  ) {}

  usual(entry: Entry, convention: Convention): boolean {
    if (!this.listOf) {
      this.listOf = new Map();
      for (const list of this.doc.lists) for (const item of list.items) if (item.entry) this.listOf.set(item.entry, list);
    }
    const list = this.listOf.get(entry);
    const listEntries = list ? list.items.flatMap((i) => (i.entry ? [i.entry] : [])) : [];
    if (listEntries.length < SMALL_LIST) return this.survey.usually[convention];
    let answers = this.memo.get(list!);
    if (!answers) this.memo.set(list!, (answers = new Map()));
    let answer = answers.get(convention);
    if (answer === undefined) answers.set(convention, (answer = usually(listEntries, convention)));
    return answer;
  }
}
