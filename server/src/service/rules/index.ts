import { listNumbering } from './list-numbering';
import { parseProblem } from './parse-problem';
import type { Rule } from './rule';

/** Every rule, in the order their findings are listed. */
export const RULES: readonly Rule[] = [parseProblem, listNumbering];
