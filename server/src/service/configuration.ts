import { URI, Utils } from 'vscode-uri';
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
import { MAX_FILE_PATTERNS, globProblem, patternCount } from './surveyFiles';

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
  /** The folder (a URI) of the file the layer came from: paths in it are resolved there and may not leave it. */
  baseUri?: string;
}

export interface ResolvedSettings {
  settings: SurveyorSettings;
  /** Clear messages naming the source and what is wrong with it; the wrong values were ignored. */
  problems: string[];
}

/** Problems told per source: a file with a thousand unknown keys gets these and one line for the rest, not a thousand warnings. */
export const MAX_PROBLEMS_PER_SOURCE = 10;

/**
 * Defaults, then each layer on top in order. A value of the wrong type or an
 * unknown key is reported and ignored, never fatal: the rest still applies.
 */
export function resolveSettings(layers: SettingsLayer[]): ResolvedSettings {
  const settings = defaultSettings();
  const problems: string[] = [];
  for (const layer of layers) {
    const found: string[] = [];
    applyLayer(settings, layer, (m) => found.push(m));
    const told = found.length > MAX_PROBLEMS_PER_SOURCE ? MAX_PROBLEMS_PER_SOURCE - 1 : found.length;
    for (const m of found.slice(0, told)) problems.push(`${layer.source}: ${m}`);
    if (told < found.length) problems.push(`${layer.source}: ${found.length - told} more problems like these; those values were ignored too.`);
  }
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
        applyFiles(settings, v, problem);
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
        applyTaxonomy(settings, v, layer.baseUri, problem);
        break;
      case '$schema':
      case 'trace':
        break;
      default:
        problem(`unknown setting ${describe(key)} (known: rules, numbering, arxiv, entry, venues, taxonomy, codeLens, maxFileSize, files).`);
    }
  }
}

function applyRules(settings: SurveyorSettings, value: unknown, problem: (message: string) => void): void {
  if (!isObject(value)) return problem(`"rules" must map rule codes to a severity, found ${describe(value)}.`);
  for (const [code, severity] of Object.entries(value)) {
    if (!(code in DEFAULT_RULE_SEVERITIES)) {
      problem(`unknown rule ${describe(code)} (known: ${Object.keys(DEFAULT_RULE_SEVERITIES).join(', ')}).`);
    } else if (!SEVERITIES.includes(severity as never)) {
      problem(`rule ${describe(code)}: severity must be one of ${SEVERITIES.join(', ')}, found ${describe(severity)}.`);
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
      problem(`unknown setting ${describe(`numbering.${key}`)} (known: style, start).`);
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
      problem(`unknown setting ${describe(`arxiv.${key}`)} (known: urlStyle, keepVersion, online, cacheDays, endpoint).`);
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
      problem(`unknown setting ${describe(`entry.${key}`)} (known: linkLabels).`);
    }
  }
}

/** The globs of the files that are surveys. One past the caps of surveyFiles.ts is reported and left out; the others apply. */
function applyFiles(settings: SurveyorSettings, value: unknown, problem: (message: string) => void): void {
  if (!isStringList(value)) return problem(`"files" must be a list of glob strings, found ${describe(value)}.`);
  const kept: string[] = [];
  let patterns = 0;
  for (const [i, glob] of value.entries()) {
    const why = globProblem(glob);
    if (why) {
      problem(`"files": ${describe(glob)} is ignored: ${why}.`);
      continue;
    }
    const count = patternCount(glob);
    if (patterns + count > MAX_FILE_PATTERNS) {
      problem(`"files": only the first ${MAX_FILE_PATTERNS} patterns (braces expanded) are used; ${value.length - i} more globs from ${describe(glob)} on are ignored.`);
      break;
    }
    kept.push(glob);
    patterns += count;
  }
  // Globs that are all refused leave the previous list in place, as any wrong value does.
  if (kept.length > 0 || value.length === 0) settings.files = kept;
}

/** A path relative to the configuration file, which may not lead out of its folder (the loader checks again once links are followed). */
function applyTaxonomy(settings: SurveyorSettings, value: unknown, baseUri: string | undefined, problem: (message: string) => void): void {
  if (typeof value !== 'string' || value.trim() === '') return problem(`"taxonomy" must be the path of a JSON file, found ${describe(value)}.`);
  if (!baseUri) return problem('"taxonomy" is read from .surveyor.json only.');
  const folder = URI.parse(baseUri);
  // Read as a repository's path, with "/" (a Windows user may write "\\"); a drive letter leads out of it.
  const path = value.replace(/\\/g, '/');
  const resolved = /^[a-z]:/i.test(path) ? undefined : Utils.resolvePath(folder, path);
  if (!resolved || !resolved.path.startsWith(`${folder.path.replace(/\/$/, '')}/`)) {
    return problem(`"taxonomy" must name a file inside the repository, not ${describe(value)}.`);
  }
  settings.taxonomy = { file: resolved.toString(), folder: baseUri };
}

function isStringList(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The most of a wrong value a message echoes: the value may be megabytes long, or lists nested a hundred thousand deep. */
const ECHO_LENGTH = 60;
const ECHO_DEPTH = 3;

function describe(v: unknown): string {
  const text = echo(v, ECHO_DEPTH);
  return text.length > ECHO_LENGTH ? `${text.slice(0, ECHO_LENGTH - 1)}…` : text;
}

/** `v` as JSON, but for what lies deeper than `depth` ("[…]") and what would run past the echo's length. */
function echo(v: unknown, depth: number): string {
  if (typeof v === 'string') return JSON.stringify(v.slice(0, ECHO_LENGTH));
  if (typeof v !== 'object' || v === null) return JSON.stringify(v) ?? String(v);
  const [open, close] = Array.isArray(v) ? ['[', ']'] : ['{', '}'];
  if (depth === 0) return `${open}…${close}`;
  const parts: string[] = [];
  let length = 0;
  const add = (part: string): boolean => {
    parts.push(part);
    length += part.length + 1;
    return length <= ECHO_LENGTH;
  };
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (!add(echo(v[i], depth - 1))) break;
  } else {
    for (const key in v) if (!add(`${JSON.stringify(key.slice(0, ECHO_LENGTH))}:${echo((v as Record<string, unknown>)[key], depth - 1)}`)) break;
  }
  return `${open}${parts.join(',')}${close}`;
}
