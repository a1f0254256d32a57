import shipped from '../../../data/taxonomy.json';

/** A category of a survey's tree: a heading, or a bold line (`***Name***`) one level below its parent heading. */
export interface Category {
  name: string;
  bold?: boolean;
  children?: Category[];
}

export interface Taxonomy {
  /** How many `#` the outermost categories have. */
  topLevel: number;
  categories: Category[];
}

/** The reference survey's tree, shipped in `data/taxonomy.json`. */
export const SHIPPED_TAXONOMY: Taxonomy = shipped;

/** Completion offers a level of the tree at a time: a larger tree is refused rather than slowing every request. */
export const MAX_CATEGORIES = 10_000;

/** Six heading levels and a bold line below the last: a deeper tree could not be written as headings. */
export const MAX_CATEGORY_DEPTH = 7;

/** Why a value is not a taxonomy, or undefined when it is one. */
export function taxonomyProblem(value: unknown): string | undefined {
  if (!value || typeof value !== 'object') return 'expected an object with "topLevel" and "categories"';
  const t = value as Partial<Taxonomy>;
  if (typeof t.topLevel !== 'number' || t.topLevel < 1 || t.topLevel > 6) return '"topLevel" must be a heading level from 1 to 6';
  // A walk with a stack of its own: a tree as deep as a hostile file makes it must give a problem, not a stack overflow.
  const pending: { nodes: unknown; where: string; depth: number }[] = [{ nodes: t.categories, where: '"categories"', depth: 1 }];
  let count = 0;
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { nodes, where, depth } = next;
    if (!Array.isArray(nodes)) return `${where} must be a list`;
    if (nodes.length > 0 && depth > MAX_CATEGORY_DEPTH) return `${where}: categories nest more than ${MAX_CATEGORY_DEPTH} deep`;
    count += nodes.length;
    if (count > MAX_CATEGORIES) return `more than ${MAX_CATEGORIES.toLocaleString('en-US')} categories`;
    for (const node of nodes) {
      if (!node || typeof node !== 'object' || typeof (node as Category).name !== 'string' || (node as Category).name.trim() === '') return `${where}: every category needs a "name"`;
      const children = (node as Category).children;
      if (children !== undefined) pending.push({ nodes: children, where: `${quoteName((node as Category).name)}.children`, depth: depth + 1 });
    }
  }
  return undefined;
}

/** A category's name in a message, cut short: the file may hold a name of any length. */
function quoteName(name: string): string {
  return JSON.stringify(name.length > 60 ? `${name.slice(0, 59)}…` : name);
}
