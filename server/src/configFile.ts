import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME } from '../../shared/settings';
import type { SettingsLayer } from './service/configuration';

/**
 * `.surveyor.json`: found by walking up from the survey to the repository root
 * (the first folder with `.git`), or to `stopAt` (the workspace folder). It is
 * data only: JSON, never code.
 */
export function findConfigFile(fromDir: string, stopAt?: string): string | undefined {
  let dir = path.resolve(fromDir);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (isFile(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir || fs.existsSync(path.join(dir, '.git')) || (stopAt && path.resolve(stopAt) === dir)) return undefined;
    dir = parent;
  }
}

export type ConfigFileRead = { layer: SettingsLayer } | { problem: string };

/** Reads and parses the file; a missing, unreadable or malformed file is a clear problem, never an exception. */
export function readConfigFile(file: string): ConfigFileRead {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    return { problem: `${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}); using the defaults.` };
  }
  try {
    return { layer: { source: file, value: JSON.parse(text.replace(/^\uFEFF/, '')), baseDir: path.dirname(file) } };
  } catch (error) {
    return { problem: `${file}: not valid JSON (${describeJsonError(error)}); using the defaults.` };
  }
}

function describeJsonError(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ');
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}
