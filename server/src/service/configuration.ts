import * as path from 'node:path';
import {
  ARXIV_URL_STYLES,
  DEFAULT_RULE_SEVERITIES,
  NUMBERING_STARTS,
  NUMBERING_STYLES,
  SEVERITIES,
  defaultSettings,
  type RuleCode,
  type SurveyorSettings,
} from '../../../shared/settings';

/** One source of settings: `.surveyor.json`, or the editor's `surveyor.*` settings. */
export interface SettingsLayer {
  /** Named in messages: a file path, or "VS Code settings". */
  source: string;
  value: unknown;
  /**
   * The user's own settings, which may name where data is sent
   * (`arxiv.endpoint`); a repository's `.surveyor.json` may not.
   */
  trusted?: boolean;
  /** The folder of the file the layer came from: paths in it are resolved there and may not leave it. */
  baseDir?: string;
}

export interface ResolvedSettings {
  settings: SurveyorSettings;
  /** Clear messages naming the source and what is wrong with it; the wrong values were ignored. */
  problems: string[];
}

/**
 * Defaults, then each layer on top in order. A value of the wrong type or an
 * unknown key is reported and ignored, never fatal: the rest still applies.
 */
export function resolveSettings(layers: SettingsLayer[]): ResolvedSettings {
  const settings = defaultSettings();
  const problems: string[] = [];
  for (const layer of layers) applyLayer(settings, layer, (m) => problems.push(`${layer.source}: ${m}`));
  return { settings, problems };
}

function applyLayer(settings: SurveyorSettings, layer: SettingsLayer, problem: (message: string) => void): void {
  const { value } = layer;
  if (value === undefined || value === null) return;
  if (!isObject(value)) return problem(`expected an object with Surveyor settings, found ${describe(value)}; using the defaults.`);
  for (const [key, v] of Object.entries(value)) {
    switch (key) {
      case 'rules':
        applyRules(settings, v, problem);
        break;
      case 'numbering':
        applyNumbering(settings, v, problem);
        break;
      case 'files':
        if (isStringList(v)) settings.files = v;
        else problem(`"files" must be a list of glob strings, found ${describe(v)}.`);
        break;
      case 'arxiv':
        applyArxiv(settings, v, problem, layer.trusted === true);
        break;
      case 'entry':
        applyEntry(settings, v, problem);
        break;
      case 'venues':
        if (isStringList(v)) settings.venues = v.map((name) => name.trim()).filter((name) => name !== '');
        else problem(`"venues" must be a list of venue names, found ${describe(v)}.`);
        break;
      case 'codeLens':
        if (typeof v === 'boolean') settings.codeLens = v;
        else problem(`"codeLens" must be true or false, found ${describe(v)}.`);
        break;
      case 'maxFileSize':
        if (typeof v === 'number' && Number.isFinite(v) && v > 0) settings.maxFileSize = v;
        else problem(`"maxFileSize" must be a positive number of megabytes, found ${describe(v)}.`);
        break;
      case 'taxonomy':
        applyTaxonomy(settings, v, layer.baseDir, problem);
        break;
      case '$schema':
      case 'trace':
        break;
      default:
        problem(`unknown setting "${key}" (known: rules, numbering, arxiv, entry, venues, taxonomy, codeLens, maxFileSize, files).`);
    }
  }
}

function applyRules(settings: SurveyorSettings, value: unknown, problem: (message: string) => void): void {
  if (!isObject(value)) return problem(`"rules" must map rule codes to a severity, found ${describe(value)}.`);
  for (const [code, severity] of Object.entries(value)) {
    if (!(code in DEFAULT_RULE_SEVERITIES)) {
      problem(`unknown rule "${code}" (known: ${Object.keys(DEFAULT_RULE_SEVERITIES).join(', ')}).`);
    } else if (!SEVERITIES.includes(severity as never)) {
      problem(`rule "${code}": severity must be one of ${SEVERITIES.join(', ')}, found ${describe(severity)}.`);
    } else {
      settings.rules[code as RuleCode] = severity as SurveyorSettings['rules'][RuleCode];
    }
  }
}

function applyNumbering(settings: SurveyorSettings, value: unknown, problem: (message: string) => void): void {
  if (!isObject(value)) return problem(`"numbering" must be an object, found ${describe(value)}.`);
  for (const [key, v] of Object.entries(value)) {
    if (key === 'style') {
      if (NUMBERING_STYLES.includes(v as never)) settings.numbering.style = v as SurveyorSettings['numbering']['style'];
      else problem(`"numbering.style" must be one of ${NUMBERING_STYLES.join(', ')}, found ${describe(v)}.`);
    } else if (key === 'start') {
      if (NUMBERING_STARTS.includes(v as never)) settings.numbering.start = v as SurveyorSettings['numbering']['start'];
      else problem(`"numbering.start" must be one of ${NUMBERING_STARTS.join(', ')}, found ${describe(v)}.`);
    } else {
      problem(`unknown setting "numbering.${key}" (known: style, start).`);
    }
  }
}

function applyArxiv(settings: SurveyorSettings, value: unknown, problem: (message: string) => void, trusted: boolean): void {
  if (!isObject(value)) return problem(`"arxiv" must be an object, found ${describe(value)}.`);
  for (const [key, v] of Object.entries(value)) {
    if (key === 'online') {
      if (typeof v === 'boolean') settings.arxiv.online = v;
      else problem(`"arxiv.online" must be true or false, found ${describe(v)}.`);
      continue;
    }
    if (key === 'cacheDays') {
      if (typeof v === 'number' && Number.isFinite(v) && v >= 0) settings.arxiv.cacheDays = v;
      else problem(`"arxiv.cacheDays" must be a number of days (0 or more), found ${describe(v)}.`);
      continue;
    }
    if (key === 'endpoint') {
      if (!trusted) problem('"arxiv.endpoint" is ignored here: a repository cannot redirect where Surveyor sends requests; set it in your own user settings.');
      else if (typeof v === 'string' && /^https?:\/\/[^\s]+$/i.test(v)) settings.arxiv.endpoint = v;
      else problem(`"arxiv.endpoint" must be an http(s) URL, found ${describe(v)}.`);
      continue;
    }
    if (key === 'urlStyle') {
      if (ARXIV_URL_STYLES.includes(v as never)) settings.arxiv.urlStyle = v as SurveyorSettings['arxiv']['urlStyle'];
      else problem(`"arxiv.urlStyle" must be one of ${ARXIV_URL_STYLES.join(', ')}, found ${describe(v)}.`);
    } else if (key === 'keepVersion') {
      if (typeof v === 'boolean') settings.arxiv.keepVersion = v;
      else problem(`"arxiv.keepVersion" must be true or false, found ${describe(v)}.`);
    } else {
      problem(`unknown setting "arxiv.${key}" (known: urlStyle, keepVersion, online, cacheDays, endpoint).`);
    }
  }
}

function applyEntry(settings: SurveyorSettings, value: unknown, problem: (message: string) => void): void {
  if (!isObject(value)) return problem(`"entry" must be an object, found ${describe(value)}.`);
  for (const [key, v] of Object.entries(value)) {
    if (key === 'linkLabels') {
      if (isStringList(v) && v.length > 0) settings.entry.linkLabels = v;
      else problem(`"entry.linkLabels" must be a non-empty list of labels, found ${describe(v)}.`);
    } else {
      problem(`unknown setting "entry.${key}" (known: linkLabels).`);
    }
  }
}

/** A path relative to the configuration file, which may not lead out of the repository. */
function applyTaxonomy(settings: SurveyorSettings, value: unknown, baseDir: string | undefined, problem: (message: string) => void): void {
  if (typeof value !== 'string' || value.trim() === '') return problem(`"taxonomy" must be the path of a JSON file, found ${describe(value)}.`);
  if (!baseDir) return problem('"taxonomy" is read from .surveyor.json only.');
  const resolved = path.resolve(baseDir, value);
  const relative = path.relative(baseDir, resolved);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return problem(`"taxonomy" must name a file inside the repository, not ${describe(value)}.`);
  settings.taxonomy = resolved;
}

function isStringList(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  return JSON.stringify(v) ?? String(v);
}
