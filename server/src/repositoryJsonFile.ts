import * as fs from 'node:fs';
import * as path from 'node:path';
import { MAX_JSON_FILE_BYTES, parseJsonText } from './jsonText';

export { MAX_JSON_FILE_BYTES };

const NOT_A_FILE = 'not a regular file';
const TOO_LARGE = `larger than ${MAX_JSON_FILE_BYTES / (1024 * 1024)} MB`;

/** A file found fit to read, and what tells its versions apart (to read it again only when it changed). */
export interface LocatedFile {
  realPath: string;
  version: string;
}

/**
 * Whether a JSON file a repository names (`.surveyor.json`, its taxonomy) is
 * one to read, and where it really is: a regular file (a device such as
 * `/dev/zero`, a pipe or a folder would never end or never answer) of at
 * most MAX_JSON_FILE_BYTES and, given `within`, still inside that folder once
 * every link is followed. A problem reads after the file's name
 * (".surveyor.json: not a regular file").
 */
export function locateJsonFile(file: string, within?: string): LocatedFile | { problem: string } {
  let realPath: string;
  let stats: fs.Stats;
  try {
    realPath = fs.realpathSync(file);
    stats = fs.statSync(realPath);
  } catch (error) {
    return { problem: cannotBeRead(error) };
  }
  if (within !== undefined && !isInside(realPath, within)) return { problem: `a link to a file outside ${within}` };
  if (!stats.isFile()) return { problem: NOT_A_FILE };
  if (stats.size > MAX_JSON_FILE_BYTES) return { problem: TOO_LARGE };
  return { realPath, version: `${stats.dev}:${stats.ino}:${stats.mtimeMs}:${stats.size}` };
}

/**
 * Reads and parses a located file, again no more than MAX_JSON_FILE_BYTES
 * and only a regular file (it may have been replaced since).
 */
export function readJsonFile(located: LocatedFile): { value: unknown } | { problem: string } {
  let text: string;
  try {
    const bytes = readAtMost(located.realPath, MAX_JSON_FILE_BYTES);
    if (bytes === 'not a file') return { problem: NOT_A_FILE };
    if (bytes === 'too large') return { problem: TOO_LARGE };
    text = new TextDecoder('utf-8').decode(bytes); // drops a byte-order mark
  } catch (error) {
    return { problem: cannotBeRead(error) };
  }
  return parseJsonText(text);
}

function readAtMost(file: string, limit: number): Uint8Array | 'not a file' | 'too large' {
  // Non-blocking: a pipe put where the file was must not hang the server on open.
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOFOLLOW ?? 0));
  try {
    if (!fs.fstatSync(fd).isFile()) return 'not a file';
    const buffer = Buffer.alloc(limit + 1);
    let length = 0;
    while (length < buffer.length) {
      const n = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    return length > limit ? 'too large' : buffer.subarray(0, length);
  } finally {
    fs.closeSync(fd);
  }
}

function cannotBeRead(error: unknown): string {
  return `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`;
}

/** Whether `file` (a real path) is inside the real path of `folder`. */
function isInside(file: string, folder: string): boolean {
  let realFolder: string;
  try {
    realFolder = fs.realpathSync(folder);
  } catch {
    return false;
  }
  const relative = path.relative(realFolder, file);
  return relative !== '' && !relative.startsWith('..' + path.sep) && relative !== '..' && !path.isAbsolute(relative);
}
