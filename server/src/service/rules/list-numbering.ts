import type { TextEdit } from 'vscode-languageserver-types';
import type { NumberingSettings } from '../../../../shared/settings';
import { sectionAt } from '../model/assemble';
import type { ListBlock, SurveyDocument } from '../model/types';
import type { ChunkRule, Fix, RuleFinding } from '../engine/rule';

/**
 * `list-numbering`: the items of an ordered list run start, start+1, …
 * (or are all `1.` with `numbering.style: "ones"`). A gap or a wrong number is
 * reported once, where it happens, not on every item after it. A list written in the
 * all-`1.` style (most items after the first are `1.`) is accepted in sequential style too:
 * Markdown renders it numbered from its first number.
 */
export const listNumbering: ChunkRule = {
  scope: 'chunk',
  code: 'list-numbering',
  check(doc, { settings }) {
    const findings: RuleFinding[] = [];
    for (const plan of planNumbering(doc, settings.numbering)) {
      const fix = renumberFix(plan);
      if (!fix) continue;
      for (const problem of plan.problems) findings.push({ ...problem, fixes: [fix] });
    }
    return findings;
  },
};

/** The numbers an ordered list should have, and where it departs from them. */
export interface NumberingPlan {
  list: ListBlock;
  targets: number[];
  problems: Omit<RuleFinding, 'fixes'>[];
}

/**
 * Plans of lists that do not depend on the lists before them, remembered per
 * list: a keystroke re-plans only the lists of the chunk it touched.
 */
const independentPlans = new WeakMap<ListBlock, { numbering: NumberingSettings; plan: NumberingPlan }>();

/** Every ordered list of the document with the numbers it should carry. */
export function planNumbering(doc: SurveyDocument, numbering: NumberingSettings): NumberingPlan[] {
  const plans: NumberingPlan[] = [];
  const continues = numbering.style === 'sequential' && numbering.start === 'continue';
  let previous: { section: unknown; next: number } | undefined;
  for (const list of doc.lists) {
    if (!list.ordered || list.items.some((i) => i.marker.number === undefined)) continue;
    if (!continues) {
      let known = independentPlans.get(list);
      if (known?.numbering !== numbering) independentPlans.set(list, (known = { numbering, plan: planList(list, numbering, 1) }));
      plans.push(known.plan);
      continue;
    }
    const section = sectionAt(doc, list.range.start);
    const plan = planList(list, numbering, list.depth === 0 && previous && previous.section === section ? previous.next : 1);
    plans.push(plan);
    if (list.depth === 0) previous = { section, next: plan.targets[plan.targets.length - 1]! + 1 };
  }
  return plans;
}

function planList(list: ListBlock, numbering: NumberingSettings, continued: number): NumberingPlan {
  const actual = list.items.map((i) => i.marker.number!);
  return numbering.style === 'ones' ? planOnes(list, actual) : planSequential(list, actual, numbering, continued);
}

function planOnes(list: ListBlock, actual: number[]): NumberingPlan {
  const targets = actual.map(() => 1);
  const wrong = actual.map((n, i) => (n === 1 ? -1 : i)).filter((i) => i >= 0);
  const problems = wrong.slice(0, 1).map((i) => ({
    range: list.items[i]!.marker.numberRange!,
    message:
      `List numbering: expected 1, found ${actual[i]} (numbering.style is "ones")` +
      (wrong.length > 1 ? `; ${wrong.length - 1} more item${wrong.length > 2 ? 's' : ''} of this list too.` : '.'),
  }));
  return { list, targets, problems };
}

function planSequential(list: ListBlock, actual: number[], numbering: NumberingSettings, continued: number): NumberingPlan {
  // `1. 1. 1.`, or `21. 22. 1. 1.` (a list continued after a `<details>` fold): written in the all-`1.` style,
  // which Markdown numbers from the list's first number; a few numbers written out there are harmless.
  const ones = actual.slice(1).filter((n) => n === 1).length;
  const restOnes = actual.length > 2 ? ones * 2 > actual.length - 1 : actual.length === 2 && ones === 1;
  const first = numbering.start === 'any' ? actual[0]! : numbering.start === 'continue' ? continued : 1;
  if (restOnes && (actual[0] === 1 || numbering.start !== 'continue' || actual[0] === continued)) return { list, targets: actual, problems: [] };
  const targets = actual.map((_, i) => first + i);
  const problems: NumberingPlan['problems'] = [];
  let previous = first - 1;
  actual.forEach((n, i) => {
    const expected = previous + 1;
    if (n === expected) {
      previous = n;
      return;
    }
    problems.push({ range: list.items[i]!.marker.numberRange!, message: `List numbering: expected ${expected}, found ${n}.` });
    // One finding per mistake: after a lone wrong number (3, 5, 5, 6) the next item goes on from the
    // expected number; after a jump (3, 5, 6) it goes on from the number found.
    previous = actual[i + 1] === expected + 1 ? expected : n;
  });
  return { list, targets, problems };
}

/** "Renumber this list": replaces the digits of the items that differ, nothing else. */
export function renumberFix(plan: NumberingPlan): Fix | undefined {
  const edits: TextEdit[] = [];
  plan.list.items.forEach((item, i) => {
    if (item.marker.number !== plan.targets[i]) edits.push({ range: item.marker.numberRange!, newText: String(plan.targets[i]) });
  });
  return edits.length > 0 ? { title: 'Renumber this list', edits, safe: true, isPreferred: true } : undefined;
}
