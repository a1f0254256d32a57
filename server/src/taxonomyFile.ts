import type { SurveyorSettings } from '../../shared/settings';
import { SHIPPED_TAXONOMY, taxonomyProblem, type Taxonomy } from './service/taxonomy';
import { displayUri, type WorkspaceFiles } from './workspaceFiles';

/**
 * The category tree `.surveyor.json` names (`taxonomy`): only a regular file
 * inside the folder of `.surveyor.json` (links followed) and no larger than
 * the JSON cap is read; a missing, refused or malformed file is reported and
 * the shipped tree is used. Reading may wait on the client (a virtual
 * workspace, the browser), so it is `refresh`ed before the completion that
 * needs it; `get` answers with what was read.
 */
export class TaxonomyFiles {
  private readonly read = new Map<string, { version: string; taxonomy: Taxonomy }>();

  constructor(
    private readonly files: WorkspaceFiles,
    private readonly warn: (message: string) => void,
  ) {}

  /** Reads the taxonomy the settings name, again only when the file changed. */
  async refresh(settings: SurveyorSettings): Promise<void> {
    if (!settings.taxonomy) return;
    const { file, folder } = settings.taxonomy;
    const named = `${displayUri(file)} (the taxonomy named in .surveyor.json)`;
    // A version the file system does not give ('') is never taken for the same one.
    const known = this.read.get(file)?.version || undefined;
    const parsed = await this.files.readJson(file, folder, known);
    if ('unchanged' in parsed) return;
    if ('problem' in parsed) {
      this.warn(`${named}: ${parsed.problem}; using the shipped one.`);
      this.read.set(file, { version: '', taxonomy: SHIPPED_TAXONOMY });
      return;
    }
    const problem = taxonomyProblem(parsed.value);
    if (problem) this.warn(`${displayUri(file)}: not a taxonomy (${problem}); using the shipped one.`);
    this.read.set(file, { version: parsed.version, taxonomy: problem ? SHIPPED_TAXONOMY : (parsed.value as Taxonomy) });
  }

  /** The tree for these settings as last read; the shipped one until it is. */
  get(settings: SurveyorSettings): Taxonomy {
    return settings.taxonomy ? (this.read.get(settings.taxonomy.file)?.taxonomy ?? SHIPPED_TAXONOMY) : SHIPPED_TAXONOMY;
  }
}
