import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Writes a file so that a reader (or a crash) sees either the old content or
 * the new, never half of it: write a temporary file beside it, then rename.
 * An existing file keeps its mode (and a symlink keeps pointing at it).
 */
export function writeFileAtomic(file: string, content: string): void {
  const exists = fs.existsSync(file);
  const target = exists ? fs.realpathSync(file) : path.resolve(file);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.surveyor-${process.pid}.tmp`);
  const mode = exists ? fs.statSync(target).mode : 0o644;
  try {
    fs.writeFileSync(temp, content, { mode });
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}
