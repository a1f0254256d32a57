import * as fs from 'node:fs';
import type { SurveyorSettings } from '../../shared/settings';
import { SHIPPED_TAXONOMY, taxonomyProblem, type Taxonomy } from './service/taxonomy';

/**
 * Reads the category tree `.surveyor.json` names (`taxonomy`), once per
 * change of the file; a missing or malformed file is reported and the
 * shipped tree is used.
 */
export function taxonomyLoader(warn: (message: string) => void): (settings: SurveyorSettings) => Taxonomy {
  const read = new Map<string, { mtimeMs: number; taxonomy: Taxonomy }>();
  return (settings) => {
    const file = settings.taxonomy;
    if (!file) return SHIPPED_TAXONOMY;
    let mtimeMs: number;
    try {
      mtimeMs = fs.statSync(file).mtimeMs;
    } catch {
      warn(`${file}: the taxonomy named in .surveyor.json cannot be read; using the shipped one.`);
      return SHIPPED_TAXONOMY;
    }
    const known = read.get(file);
    if (known?.mtimeMs === mtimeMs) return known.taxonomy;
    let taxonomy = SHIPPED_TAXONOMY;
    try {
      const value: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
      const problem = taxonomyProblem(value);
      if (problem) warn(`${file}: not a taxonomy (${problem}); using the shipped one.`);
      else taxonomy = value as Taxonomy;
    } catch (error) {
      warn(`${file}: not valid JSON (${(error as Error).message}); using the shipped one.`);
    }
    read.set(file, { mtimeMs, taxonomy });
    return taxonomy;
  };
}
