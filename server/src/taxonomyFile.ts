import type { SurveyorSettings } from '../../shared/settings';
import { locateJsonFile, readJsonFile } from './repositoryJsonFile';
import { SHIPPED_TAXONOMY, taxonomyProblem, type Taxonomy } from './service/taxonomy';

/**
 * Reads the category tree `.surveyor.json` names (`taxonomy`), once per
 * change of the file. Only a regular file inside the folder of
 * `.surveyor.json` (links followed) and no larger than the JSON cap is read;
 * a missing, refused or malformed file is reported and the shipped tree is
 * used.
 */
export function taxonomyLoader(warn: (message: string) => void): (settings: SurveyorSettings) => Taxonomy {
  const read = new Map<string, { version: string; taxonomy: Taxonomy }>();
  return (settings) => {
    if (!settings.taxonomy) return SHIPPED_TAXONOMY;
    const { file, folder } = settings.taxonomy;
    const located = locateJsonFile(file, folder);
    if ('problem' in located) {
      warn(`${file} (the taxonomy named in .surveyor.json): ${located.problem}; using the shipped one.`);
      return SHIPPED_TAXONOMY;
    }
    const known = read.get(file);
    if (known?.version === located.version) return known.taxonomy;
    let taxonomy = SHIPPED_TAXONOMY;
    const parsed = readJsonFile(located);
    if ('problem' in parsed) {
      warn(`${file} (the taxonomy named in .surveyor.json): ${parsed.problem}; using the shipped one.`);
    } else {
      const problem = taxonomyProblem(parsed.value);
      if (problem) warn(`${file}: not a taxonomy (${problem}); using the shipped one.`);
      else taxonomy = parsed.value as Taxonomy;
    }
    read.set(file, { version: located.version, taxonomy });
    return taxonomy;
  };
}
