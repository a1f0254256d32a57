import type { ArxivRecord, MetadataSource } from '../metadata';
import { referenceOfDoi } from './venueDoi';
import { venueNamedBy } from './venueReference';
import type { Publication, PublicationSource } from './publicationSource';

/**
 * Publications as arXiv's own record states them: its journal reference
 * (`Findings of ACL 2024`), else a DOI that names its venue and year
 * (`10.18653/v1/2024.acl-long.12`). Where both name a venue and disagree,
 * nothing is said. `venues` are the settings' extra venue names.
 */
export function arxivPublications(metadata: MetadataSource, venues: readonly string[]): PublicationSource {
  return {
    publicationOf(arxivId) {
      const state = metadata.lookup(arxivId);
      if (state.kind === 'missing') return undefined;
      if (state.kind !== 'known') return 'unknown';
      return publicationOfRecord(state.record, venues);
    },
  };
}

export function publicationOfRecord(record: ArxivRecord, venues: readonly string[]): Publication | undefined {
  const byReference = record.journalRef ? venueNamedBy(record.journalRef, venues) : undefined;
  const doiReference = record.doi ? referenceOfDoi(record.doi) : undefined;
  const byDoi = doiReference ? venueNamedBy(doiReference, venues) : undefined;
  if (byReference && byDoi && (byReference.venue !== byDoi.venue || byReference.year !== byDoi.year)) return undefined;
  if (byReference) return { ...byReference, evidence: 'journal-ref', stated: record.journalRef!, source: 'arXiv' };
  if (byDoi) return { ...byDoi, evidence: 'doi', stated: record.doi!, source: 'arXiv' };
  return undefined;
}
