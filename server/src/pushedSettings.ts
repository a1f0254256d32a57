import { SETTINGS_SECTION } from '../../shared/protocol';
import { defaultSettings } from '../../shared/settings';
import type { SettingsLayer } from './service/configuration';

/** The top-level keys of Surveyor's settings: an object of them sent without the `surveyor` section is a slip worth naming. */
const SURVEYOR_KEYS = Object.keys(defaultSettings());

/**
 * The settings an editor sends rather than being asked for them: Neovim 0.7,
 * and any editor whose `workspace/configuration` answer has no `surveyor`
 * section. Both `initializationOptions.settings` and the params of
 * `workspace/didChangeConfiguration` have the shape `{ settings: { surveyor: {...} } }`,
 * keyed by section as VS Code's own servers and the LSP sample read them.
 * `initializationOptions` gives the first value; each notification that
 * carries a `surveyor` section replaces it whole (`"surveyor": null` clears it).
 */
export class PushedSettings {
  private layer: SettingsLayer | undefined;

  constructor(private readonly warn: (message: string) => void) {}

  atInitialize(initializationOptions: unknown): void {
    this.take(field(initializationOptions, 'settings'), 'initializationOptions.settings');
  }

  onDidChangeConfiguration(params: unknown): void {
    this.take(field(params, 'settings'), 'workspace/didChangeConfiguration');
  }

  /** The settings last sent, for `resolveSettings`; undefined when none were. */
  current(): SettingsLayer | undefined {
    return this.layer;
  }

  private take(settings: unknown, where: string): void {
    // `settings: null` is VS Code's "settings changed, ask again" (the pull model): it replaces nothing.
    if (!isObject(settings)) return;
    if (Object.hasOwn(settings, SETTINGS_SECTION)) {
      // The user's own editor configuration, like VS Code's user settings: it may name the arXiv endpoint.
      const value = settings[SETTINGS_SECTION];
      this.layer = value === null ? undefined : { source: `${where} (${SETTINGS_SECTION})`, value, trusted: true };
      return;
    }
    // Settings for other servers, or none (eglot sends `{}` once it connects): what Surveyor was sent before stays.
    const ours = Object.keys(settings).filter((key) => SURVEYOR_KEYS.includes(key));
    if (ours.length > 0) {
      this.warn(`${where}: ${ours.map((key) => `"${key}"`).join(', ')} must be inside a "${SETTINGS_SECTION}" section ({ "${SETTINGS_SECTION}": { "${ours[0]}": … } }); they were ignored.`);
    }
  }
}

function field(value: unknown, key: string): unknown {
  return isObject(value) ? value[key] : undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
