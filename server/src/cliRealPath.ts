import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * A file's one name for comparing: links resolved, and (native) spelt as the
 * file system spells it, so that a link and its target, or two spellings of a
 * name on a case-insensitive disk, are the same file. A path that does not
 * resolve is only made absolute (reading it reports why).
 */
export function realPath(file: string): string {
  try {
    return fs.realpathSync.native(file);
  } catch {
    return path.resolve(file);
  }
}
