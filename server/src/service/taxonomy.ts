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

/** Why a value is not a taxonomy, or undefined when it is one. */
export function taxonomyProblem(value: unknown): string | undefined {
  if (!value || typeof value !== 'object') return 'expected an object with "topLevel" and "categories"';
  const t = value as Partial<Taxonomy>;
  if (typeof t.topLevel !== 'number' || t.topLevel < 1 || t.topLevel > 6) return '"topLevel" must be a heading level from 1 to 6';
  const check = (nodes: unknown, where: string): string | undefined => {
    if (!Array.isArray(nodes)) return `${where} must be a list`;
    for (const node of nodes) {
      if (!node || typeof node !== 'object' || typeof (node as Category).name !== 'string' || (node as Category).name.trim() === '') return `${where}: every category needs a "name"`;
      const children = (node as Category).children;
      if (children !== undefined) {
        const problem = check(children, `"${(node as Category).name}".children`);
        if (problem) return problem;
      }
    }
    return undefined;
  };
  return check(t.categories, '"categories"');
}
