/** The settings of each file `surveyor` checks, from `.surveyor.json`; an invalid one stops the run. */

import * as path from 'node:path';
import type { SurveyorSettings } from '../../shared/settings';
import { InputError } from './cliErrors';
import { findConfigFile, readConfigFile } from './configFile';
import { resolveSettings, type SettingsLayer } from './service/configuration';

export interface FileSettings {
  settings: SurveyorSettings;
  /** The folder `settings.files` is relative to: the config's, the working folder with --config, or none without a config. */
  filesBase: string | undefined;
}

/**
 * Unlike the editor, which warns and goes on with the defaults, the CLI
 * refuses a `.surveyor.json` it cannot fully apply, unknown keys included
 * (as eslint does): in CI a typo such as "rule" for "rules" would otherwise
 * turn the configuration off and leave the check green.
 */
export class CliSettings {
  private readonly byConfig = new Map<string, FileSettings>();
  private readonly configOfFolder = new Map<string, string | undefined>();
  private readonly defaults: FileSettings = { settings: resolveSettings([]).settings, filesBase: undefined };

  /** `config`: the file --config names, used for every file; otherwise each file's own. */
  constructor(private readonly config: string | undefined) {}

  forFile(file: string): FileSettings {
    const folder = path.dirname(path.resolve(file));
    const config = this.config ?? this.configIn(folder);
    if (config === undefined) return this.defaults;
    let found = this.byConfig.get(config);
    if (!found) {
      found = { settings: read(config, this.config !== undefined), filesBase: this.config !== undefined ? process.cwd() : path.dirname(config) };
      this.byConfig.set(config, found);
    }
    return found;
  }

  private configIn(folder: string): string | undefined {
    if (!this.configOfFolder.has(folder)) this.configOfFolder.set(folder, findConfigFile(folder));
    return this.configOfFolder.get(folder);
  }
}

function read(config: string, named: boolean): SurveyorSettings {
  const shown = path.relative(process.cwd(), config) || config;
  const read = readConfigFile(config);
  if ('problem' in read) {
    // readConfigFile words it for the editor, which goes on with the defaults; the CLI stops.
    const reason = read.problem.slice(config.length + 2).replace(/; using the defaults\.$/, '');
    throw new InputError([`${named ? '--config ' : ''}${shown}: ${reason}`]);
  }
  const layer: SettingsLayer = { ...read.layer, source: shown };
  const { settings, problems } = resolveSettings([layer]);
  if (problems.length > 0) throw new InputError([...problems.map((p) => p.replace(/; using the defaults\.$/, '')), `${shown}: fix the file (Surveyor does not check with a configuration it cannot apply)`]);
  return settings;
}
