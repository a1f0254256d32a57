import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver-types';
import { defaultSettings, type SurveyorSettings } from '../../shared/settings';
import { SurveyorLanguageService } from '../../server/src/service/languageService';

export const ROOT = path.resolve(__dirname, '..', '..');
/** `../shared` beside the repository: the reference survey and real lists, when present. */
const SHARED = path.resolve(ROOT, '..', 'shared');
export const REFERENCE_SURVEY = path.join(SHARED, 'seed', 'LLM-data-aug-survey.README.md');

export function readShared(...parts: string[]): string {
  return fs.readFileSync(path.join(SHARED, ...parts), 'utf8');
}

export function corpusFiles(): string[] {
  const dir = path.join(SHARED, 'corpora');
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.README.md')).map((f) => path.join(dir, f)) : [];
}

/** Splits a fixture at its `$0` cursor marker. */
export function withCursor(fixture: string): { text: string; offset: number; position: Position } {
  const offset = fixture.indexOf('$0');
  if (offset === -1) throw new Error('fixture has no $0 marker');
  const text = fixture.slice(0, offset) + fixture.slice(offset + 2);
  return { text, offset, position: TextDocument.create('file:///t.md', 'markdown', 0, text).positionAt(offset) };
}

/** Removes the common indentation of a template literal fixture (and its first and last blank lines). */
export function dedent(s: string): string {
  const lines = s.replace(/^\n/, '').replace(/\n[ \t]*$/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n') + '\n';
}

export function document(text: string, uri = 'file:///survey/README.md', version = 1): TextDocument {
  return TextDocument.create(uri, 'markdown', version, text);
}

export function settingsWith(change: (s: SurveyorSettings) => void = () => {}): SurveyorSettings {
  const s = defaultSettings();
  change(s);
  return s;
}

/** A service with fixed settings and a logger that fails the test on any log line (rules must not throw). */
export function service(settings: SurveyorSettings = defaultSettings(), logs: string[] = []): SurveyorLanguageService {
  return new SurveyorLanguageService({ settings: { settingsFor: () => settings }, logger: { log: (m) => logs.push(m) } });
}
