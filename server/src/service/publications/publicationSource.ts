/**
 * Where a paper listed as a preprint was published, as a source of
 * bibliographic metadata states it. The service asks and never fetches.
 *
 * Adding a source (OpenAlex, Semantic Scholar, DBLP, the ACL Anthology):
 * its client, with the rate limit the source asks for and its own cache,
 * lives in `server/src/metadata/` beside `arxivClient.ts` (the IO side);
 * the service is handed what the client has learnt through a lookup that
 * never waits, as `MetadataSource` is for arXiv, and reads it through a
 * `PublicationSource` written here. A setting (for instance
 * `publications.sources`, off by default, since it sends ids to a third
 * party) says which sources are asked; `publicationSources` in `sources.ts`
 * puts them in order. Only sources that need no account.
 */

/** One venue a paper was published at, with what says so. */
export interface Publication {
  /** A venue Surveyor knows, as the list would write it: a name from `data/venues.json` or the settings' `venues`. */
  venue: string;
  year: number;
  /** What in the record names the venue. */
  evidence: 'journal-ref' | 'doi';
  /** That text as the record has it (the journal reference, or the DOI). */
  stated: string;
  source: 'arXiv';
}

export interface PublicationSource {
  /**
   * Where `arxivId` was published: `undefined` when the source knows the
   * paper but states no venue Surveyor can name (or states it unclearly),
   * `'unknown'` when it does not know the paper (yet). Never waits.
   */
  publicationOf(arxivId: string): Publication | undefined | 'unknown';
}
