/**
 * The shape a request's params must have before a handler reads them. A
 * client that sends `textDocument: null` or `only: "quickfix"` gets
 * InvalidParams back (`runSafe`), not a TypeError in the log and an empty
 * answer that hides its mistake.
 */
export class InvalidParamsError extends Error {}

export type Needs = {
  position?: true;
  range?: true;
  /** A code action's context: `diagnostics` a list, `only` a list of kinds if given. */
  codeActionContext?: true;
  /** `references`: `context.includeDeclaration`. */
  referenceContext?: true;
  positions?: true;
  newName?: true;
};

/** Throws `InvalidParamsError` naming the first part of `params` that is missing or of the wrong type. */
export function checkParams(params: unknown, needs: Needs = {}): void {
  if (!isObject(params)) throw new InvalidParamsError('params must be an object');
  if (!isObject(params.textDocument) || typeof params.textDocument.uri !== 'string') throw new InvalidParamsError('textDocument.uri must be a string');
  if (needs.position && !isPosition(params.position)) throw new InvalidParamsError('position must be {line, character} with non-negative integers');
  if (needs.range && !isRange(params.range)) throw new InvalidParamsError('range must be {start, end} positions');
  if (needs.positions && !(Array.isArray(params.positions) && params.positions.every(isPosition))) throw new InvalidParamsError('positions must be a list of positions');
  if (needs.newName && typeof params.newName !== 'string') throw new InvalidParamsError('newName must be a string');
  if (needs.codeActionContext) {
    const context = params.context;
    if (!isObject(context) || !Array.isArray(context.diagnostics)) throw new InvalidParamsError('context.diagnostics must be a list');
    if (!context.diagnostics.every((d) => isObject(d) && isRange(d.range))) throw new InvalidParamsError('each of context.diagnostics must have a range');
    if (context.only !== undefined && !(Array.isArray(context.only) && context.only.every((k) => typeof k === 'string'))) throw new InvalidParamsError('context.only must be a list of code action kinds');
  }
  if (needs.referenceContext && !(isObject(params.context) && typeof params.context.includeDeclaration === 'boolean')) throw new InvalidParamsError('context.includeDeclaration must be true or false');
}

/** `workspace/symbol`: a query string. */
export function checkQuery(params: unknown): void {
  if (!isObject(params) || typeof params.query !== 'string') throw new InvalidParamsError('query must be a string');
}

/** The Insert Paper command's argument: a document, a position and what the user typed. */
export function checkInsertPaperArgs(args: unknown): void {
  if (!isObject(args) || typeof args.uri !== 'string' || !isPosition(args.position) || typeof args.reference !== 'string') {
    throw new InvalidParamsError('Insert Paper needs {uri, position, reference}');
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPosition(value: unknown): boolean {
  return isObject(value) && isCount(value.line) && isCount(value.character);
}

function isRange(value: unknown): boolean {
  return isObject(value) && isPosition(value.start) && isPosition(value.end);
}

function isCount(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}
