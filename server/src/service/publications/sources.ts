import type { SurveyorSettings } from '../../../../shared/settings';
import type { MetadataSource } from '../metadata';
import { arxivPublications } from './arxivPublications';
import type { PublicationSource } from './publicationSource';

/**
 * The publication sources a check reads, first answer first. Today arXiv's
 * own record only; a further source is added here behind its setting (see
 * `publicationSource.ts`), asked when the ones before it say `'unknown'`.
 */
export function publicationSources(metadata: MetadataSource, settings: SurveyorSettings): PublicationSource {
  return arxivPublications(metadata, settings.venues);
}
