/**
 * What a document rule keeps between versions of one document (its findings
 * per group of listings, per outline). It lives on the document's analysis,
 * one per rule, so that nothing a rule derived from one document can be
 * served for another, and closing a document drops it all.
 *
 * Invariant: module scope holds only memos of pure functions of immutable
 * values (a slug of a heading text, an entry's identity); anything whose
 * validity depends on a document's history lives here or on the analysis.
 */
export class RuleMemory {
  private readonly kept = new Map<string, unknown>();

  /** The value kept under `name`, made by `make` the first time. */
  get<T>(name: string, make: () => T): T {
    if (!this.kept.has(name)) this.kept.set(name, make());
    return this.kept.get(name) as T;
  }
}
