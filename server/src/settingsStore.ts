import { URI, Utils } from 'vscode-uri';
import { DEFAULT_ARXIV_ENDPOINT, defaultSettings, type SurveyorSettings } from '../../shared/settings';
import { resolveSettings, type SettingsLayer } from './service/configuration';
import type { SettingsProvider } from './service/languageService';
import { isSurveyPath } from './service/surveyFiles';
import { displayUri, isInsideFolder, pathInFolder, type WorkspaceFiles } from './workspaceFiles';

const VS_CODE_SETTINGS = 'VS Code settings (surveyor.*)';

/**
 * Schemes of documents that show another version of a file (a git revision in
 * a diff, a pull request under review, a chat edit's snapshot): a survey's
 * defects are reported on the file itself, not again on each of its views.
 * Other schemes may hold a survey (see `mayBeSurvey`): `file`, `untitled`,
 * `vscode-vfs` (github.dev), `vscode-remote`, any file system an extension provides.
 */
const SHOWS_ANOTHER_DOCUMENT = new Set(['git', 'gitfs', 'vscode-scm', 'review', 'pr', 'vscode-local-history', 'vscode-chat-code-block', 'chat-editing-snapshot-text-model', 'chat-editing-text-model', 'output']);

export interface SettingsSources {
  /** The editor's answer to `workspace/configuration` for a document (VS Code: only the settings set explicitly), or undefined when it cannot be asked. */
  clientSettings(uri: string): Promise<unknown>;
  /** Names the answer of `clientSettings` in messages; "VS Code settings (surveyor.*)" when not given (and then an endpoint it names is not announced: VS Code takes it from the user's settings only). */
  clientSettingsName?(): string | undefined;
  /**
   * The settings the editor sent (`initializationOptions.settings`, `workspace/didChangeConfiguration`):
   * they apply where `clientSettings` has no answer (null or undefined).
   */
  pushedSettings?(): SettingsLayer | undefined;
  /** The workspace folders' URIs. */
  workspaceFolders(): string[];
  /** Where `.surveyor.json` is found and read. */
  files: WorkspaceFiles;
  /** A problem with a settings source, shown to the user once per distinct message. */
  warn(message: string): void;
}

/**
 * The settings of each open document: defaults, then `.surveyor.json`, then
 * the editor's settings (those it answers when asked, else those it sent).
 * Resolved once per document and kept until a configuration change clears them.
 */
export class SettingsStore implements SettingsProvider {
  private readonly resolved = new Map<string, SurveyorSettings>();
  /**
   * The settings each document had before the last configuration change, used until its new ones
   * are known: falling back to the defaults meanwhile would, for one round trip, turn a user's
   * `arxiv.online: false` back on.
   */
  private readonly previous = new Map<string, SurveyorSettings>();
  private readonly pending = new Map<string, Promise<SurveyorSettings>>();
  /** Counts configuration changes, so that a read begun before one does not store what it read. */
  private generation = 0;
  private readonly warned = new Set<string>();
  /** Endpoints other editors' settings redirected arXiv requests to, told once each for the life of the server. */
  private readonly toldEndpoints = new Set<string>();
  /** Whether each document is a survey, by the globs it was matched with: every request asks, and matching globs is not free. */
  private readonly surveys = new Map<string, { files: readonly string[]; survey: boolean }>();
  private readonly defaults = defaultSettings();

  constructor(private readonly sources: SettingsSources) {}

  settingsFor(uri: string): SurveyorSettings {
    return this.resolved.get(uri) ?? this.previous.get(uri) ?? this.defaults;
  }

  /** Resolves the settings of `uri` if they are not known yet. */
  ensure(uri: string): Promise<SurveyorSettings> {
    const known = this.resolved.get(uri);
    if (known) return Promise.resolve(known);
    let pending = this.pending.get(uri);
    if (!pending) {
      const read: Promise<SurveyorSettings> = this.resolve(uri).finally(() => {
        // A configuration change may have started another read meanwhile: that one stays.
        if (this.pending.get(uri) === read) this.pending.delete(uri);
      });
      pending = read;
      this.pending.set(uri, pending);
    }
    return pending;
  }

  clear(): void {
    this.generation++;
    for (const [uri, settings] of this.resolved) this.previous.set(uri, settings);
    this.resolved.clear();
    this.pending.clear();
    this.warned.clear();
    this.surveys.clear();
  }

  forget(uri: string): void {
    this.resolved.delete(uri);
    this.previous.delete(uri);
    this.surveys.delete(uri);
  }

  isSurvey(uri: string): boolean {
    if (!this.mayBeSurvey(uri)) return false;
    const files = this.settingsFor(uri).files;
    const known = this.surveys.get(uri);
    if (known?.files === files) return known.survey;
    const survey = isSurveyPath(this.workspaceRelativePath(uri), files);
    this.surveys.set(uri, { files, survey });
    return survey;
  }

  private async resolve(uri: string): Promise<SurveyorSettings> {
    const generation = this.generation;
    const layers: SettingsLayer[] = [];
    // A view of another version of a file is no survey: its "files" (a git revision's query names the README itself) are not to be read.
    const configFile = this.mayBeSurvey(uri) ? await this.sources.files.findConfig(uri, this.folderOf(uri)).catch(() => undefined) : undefined;
    if (configFile) {
      const read = await this.sources.files.readJson(configFile);
      const source = displayUri(configFile);
      if ('problem' in read) this.warnOnce(`${source}: ${read.problem}; using the defaults.`);
      else if ('value' in read) layers.push({ source, value: read.value, baseUri: Utils.dirname(URI.parse(configFile)).toString() });
    }
    let client: unknown;
    try {
      client = await this.sources.clientSettings(uri);
    } catch {
      client = undefined; // the editor could not answer: what it sent, the file and the defaults apply
    }
    const name = this.sources.clientSettingsName?.() ?? VS_CODE_SETTINGS;
    const editor = client !== undefined && client !== null ? { source: name, value: client, trusted: true } : this.sources.pushedSettings?.();
    // The VS Code client forwards application-scoped keys (the arXiv endpoint) from the user's own settings only.
    if (editor) layers.push(editor);
    const { settings, problems } = resolveSettings(layers);
    for (const problem of problems) this.warnOnce(problem);
    // Other editors cannot say whether a value came from the user or from a project file (Emacs'
    // .dir-locals.el, Helix's .helix/languages.toml): a redirection is accepted, and said.
    const endpoint = settings.arxiv.endpoint;
    if (editor && editor.source !== VS_CODE_SETTINGS && endpoint !== DEFAULT_ARXIV_ENDPOINT && !this.toldEndpoints.has(endpoint)) {
      this.toldEndpoints.add(endpoint);
      this.sources.warn(`arXiv requests go to ${endpoint} ("arxiv.endpoint" in ${editor.source}); only arXiv ids are sent.`);
    }
    if (generation === this.generation) {
      this.resolved.set(uri, settings);
      this.previous.delete(uri);
    }
    return settings;
  }

  /** A problem with a settings source or a file it names, shown once per distinct message. */
  warnOnce(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    this.sources.warn(message);
  }

  /**
   * Whether a document can be a survey at all, whatever `files` says: a file
   * on disk or an untitled one; any other scheme (github.dev's `vscode-vfs`,
   * a remote, a memory file system) inside a workspace folder. A document of
   * another scheme outside the folders, or one of SHOWS_ANOTHER_DOCUMENT, is a
   * view of a file (a git revision, GitLens, a pull request under review):
   * the file's own defects are reported on the file, not again on its views.
   */
  private mayBeSurvey(uri: string): boolean {
    const scheme = URI.parse(uri).scheme;
    if (SHOWS_ANOTHER_DOCUMENT.has(scheme)) return false;
    return scheme === 'file' || scheme === 'untitled' || this.folderOf(uri) !== undefined;
  }

  /** The innermost workspace folder holding the document. */
  private folderOf(uri: string): string | undefined {
    return this.sources
      .workspaceFolders()
      .filter((folder) => isInsideFolder(uri, folder))
      .sort((a, b) => b.length - a.length)[0];
  }

  /** The path `files` globs are matched against: from the workspace folder, or the document's whole path when it is in none. */
  private workspaceRelativePath(uri: string): string {
    const folder = this.folderOf(uri);
    return (folder && pathInFolder(uri, folder)) || URI.parse(uri).path;
  }
}
