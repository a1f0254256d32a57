import type { Entry, SurveyDocument } from '../model/types';
import { CONVENTIONS, type Convention } from './conventions';
import type { SurveyFacts } from './surveyFacts';

/**
 * What the entries of an entry's list usually carry (at least half of them),
 * so that an entry is held to the style of its own list: a list of
 * `**Title.** Venue Year.` entries has no authors by design, and an entry
 * there lacking them is not wrong. A list of fewer than `SMALL_LIST` entries
 * says little about its own style: it is held to the survey's.
 */
export type ListHabits = Readonly<Record<Convention, boolean>>;

/** Below this many entries a list says little about its own style; the survey's is used. */
const SMALL_LIST = 3;

const CONVENTION_NAMES = Object.keys(CONVENTIONS) as Convention[];

/**
 * A chunk's entries list by list (a list's entries together, each list after
 * the lists it is in), and each list's habits with a number that is equal
 * where the habits are: `runs[i]` holds for the entries before `runs[i].end`
 * and from the end of the run before.
 */
export interface EntriesByList {
  entries: readonly Entry[];
  runs: { end: number; habits: ListHabits; key: number }[];
}

export function entriesByList(chunk: SurveyDocument, survey: SurveyFacts): EntriesByList {
  // Without nested lists, the chunk's entries are already list by list.
  const entries: Entry[] | readonly Entry[] = chunk.lists.some((l) => l.depth > 0) ? [] : chunk.entries;
  const runs: EntriesByList['runs'] = [];
  let end = 0;
  for (const list of chunk.lists) {
    const from = end;
    for (const item of list.items) {
      if (!item.entry) continue;
      if (entries !== chunk.entries) (entries as Entry[]).push(item.entry);
      end++;
    }
    if (end === from) continue;
    const habits = end - from < SMALL_LIST ? survey.usually : habitsOf(entries, from, end);
    runs.push({ end, habits, key: keyOf(habits) });
  }
  return { entries, runs };
}

/** The habits of `entries` from `from` to `end`: each convention that at least half of them follow. */
function habitsOf(entries: readonly Entry[], from: number, end: number): ListHabits {
  const following = CONVENTION_NAMES.map(() => 0);
  for (let k = from; k < end; k++) {
    const followed = conventionsOf(entries[k]!);
    for (let i = 0; i < following.length; i++) if (followed & (1 << i)) following[i]!++;
  }
  const habits = {} as Record<Convention, boolean>;
  CONVENTION_NAMES.forEach((name, i) => (habits[name] = following[i]! * 2 >= end - from));
  return habits;
}

/** The conventions an entry follows, one bit each; kept per entry, which a keystroke elsewhere in its list leaves the same object. */
function conventionsOf(entry: Entry): number {
  let followed = followedBy.get(entry);
  if (followed === undefined) followedBy.set(entry, (followed = CONVENTION_NAMES.reduce((bits, name, i) => bits | (CONVENTIONS[name](entry) ? 1 << i : 0), 0)));
  return followed;
}

const followedBy = new WeakMap<Entry, number>();

function keyOf(habits: ListHabits): number {
  return CONVENTION_NAMES.reduce((key, name, i) => key | (habits[name] ? 1 << i : 0), 0);
}

/** Walks the runs of `EntriesByList` entry by entry, in order: the run of each index asked, at the cost of a step. */
export class RunCursor {
  private at = 0;

  constructor(private readonly runs: EntriesByList['runs']) {}

  /** The run holding entry `k`; `k` never goes back. */
  of(k: number): EntriesByList['runs'][number] {
    while (this.runs[this.at]!.end <= k) this.at++;
    return this.runs[this.at]!;
  }
}

/** What a rule is given for the habits when it did not declare that it reads the survey (short lists answer from it). */
export function undeclaredHabits(code: string): ListHabits {
  const habits = {} as Record<Convention, boolean>;
  for (const name of CONVENTION_NAMES) {
    Object.defineProperty(habits, name, {
      get() {
        throw new Error(`Rule ${code} reads its list's habits without declaring "survey" in reads: a short list's habits are the survey's.`);
      },
    });
  }
  return habits;
}
