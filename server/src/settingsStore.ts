import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { defaultSettings, type SurveyorSettings } from '../../shared/settings';
import { findConfigFile, readConfigFile } from './configFile';
import { resolveSettings, type SettingsLayer } from './service/configuration';
import type { SettingsProvider } from './service/languageService';
import { isSurveyPath } from './service/surveyFiles';

export interface SettingsSources {
  /** The user's `surveyor.*` settings for a document (only those set explicitly), or undefined. */
  clientSettings(uri: string): Promise<unknown>;
  workspaceFolders(): string[];
  /** A problem with a settings source, shown to the user once per distinct message. */
  warn(message: string): void;
}

/**
 * The settings of each open document: defaults, then `.surveyor.json`, then
 * the editor's settings. Resolved once per document and kept until a
 * configuration change clears them.
 */
export class SettingsStore implements SettingsProvider {
  private readonly resolved = new Map<string, SurveyorSettings>();
  private readonly pending = new Map<string, Promise<SurveyorSettings>>();
  private readonly warned = new Set<string>();
  /** Whether each document is a survey, by the globs it was matched with: every request asks, and matching globs is not free. */
  private readonly surveys = new Map<string, { files: readonly string[]; survey: boolean }>();
  private readonly defaults = defaultSettings();

  constructor(private readonly sources: SettingsSources) {}

  settingsFor(uri: string): SurveyorSettings {
    return this.resolved.get(uri) ?? this.defaults;
  }

  /** Resolves the settings of `uri` if they are not known yet. */
  ensure(uri: string): Promise<SurveyorSettings> {
    const known = this.resolved.get(uri);
    if (known) return Promise.resolve(known);
    let pending = this.pending.get(uri);
    if (!pending) {
      pending = this.resolve(uri).finally(() => this.pending.delete(uri));
      this.pending.set(uri, pending);
    }
    return pending;
  }

  clear(): void {
    this.resolved.clear();
    this.warned.clear();
    this.surveys.clear();
  }

  forget(uri: string): void {
    this.resolved.delete(uri);
    this.surveys.delete(uri);
  }

  isSurvey(uri: string): boolean {
    const files = this.settingsFor(uri).files;
    const known = this.surveys.get(uri);
    if (known?.files === files) return known.survey;
    const survey = isSurveyPath(this.workspaceRelativePath(uri), files);
    this.surveys.set(uri, { files, survey });
    return survey;
  }

  private async resolve(uri: string): Promise<SurveyorSettings> {
    const layers: SettingsLayer[] = [];
    const file = this.filePath(uri);
    const configFile = file && findConfigFile(path.dirname(file), this.folderOf(file));
    if (configFile) {
      const read = readConfigFile(configFile);
      if ('layer' in read) layers.push(read.layer);
      else this.warnOnce(read.problem);
    }
    let client: unknown;
    try {
      client = await this.sources.clientSettings(uri);
    } catch {
      client = undefined; // a client without workspace/configuration: the file and the defaults apply
    }
    // The client forwards application-scoped keys (the arXiv endpoint) from the user's own settings only.
    layers.push({ source: 'VS Code settings (surveyor.*)', value: client, trusted: true });
    const { settings, problems } = resolveSettings(layers);
    for (const problem of problems) this.warnOnce(problem);
    this.resolved.set(uri, settings);
    return settings;
  }

  /** A problem with a settings source or a file it names, shown once per distinct message. */
  warnOnce(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    this.sources.warn(message);
  }

  private filePath(uri: string): string | undefined {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' ? parsed.fsPath : undefined;
  }

  private folderOf(file: string): string | undefined {
    return this.sources
      .workspaceFolders()
      .filter((folder) => file === folder || file.startsWith(folder + path.sep))
      .sort((a, b) => b.length - a.length)[0];
  }

  private workspaceRelativePath(uri: string): string {
    const file = this.filePath(uri);
    if (!file) return URI.parse(uri).path;
    const folder = this.folderOf(file);
    return folder ? path.relative(folder, file) : file;
  }
}
