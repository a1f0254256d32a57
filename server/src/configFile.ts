import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { CONFIG_FILE_NAME } from '../../shared/settings';
import { locateJsonFile, readJsonFile } from './repositoryJsonFile';
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
    if (isPresent(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir || fs.existsSync(path.join(dir, '.git')) || (stopAt && path.resolve(stopAt) === dir)) return undefined;
    dir = parent;
  }
}

export type ConfigFileRead = { layer: SettingsLayer } | { problem: string };

/**
 * Reads and parses the file; a missing, unreadable, oversized or malformed
 * file, or one that is not a regular file, is a clear problem, never an
 * exception, and the problem never quotes the file's text.
 */
export function readConfigFile(file: string): ConfigFileRead {
  const located = locateJsonFile(file);
  const read = 'problem' in located ? located : readJsonFile(located);
  if ('problem' in read) return { problem: `${file}: ${read.problem}; using the defaults.` };
  return { layer: { source: file, value: read.value, baseUri: URI.file(path.dirname(file)).toString() } };
}

/** Anything but a folder by that name, a link included: one that leads nowhere or to a device is reported when read, not passed over. */
function isPresent(p: string): boolean {
  try {
    return !fs.lstatSync(p).isDirectory();
  } catch {
    return false;
  }
}
