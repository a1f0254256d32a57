import * as fs from 'node:fs';

/** Why a file was not written, in words for the user (one line, no stack). */
export class NotWritten extends Error {}

/** Why `file` must not be rewritten, or undefined when it may be: it is read-only, or this process may not write it. */
export function readOnlyProblem(file: string): string | undefined {
  try {
    // The write bits are checked as well as access: root may write a file its owner marked read-only.
    if ((fs.statSync(file).mode & 0o222) === 0) return 'is read-only';
    fs.accessSync(file, fs.constants.W_OK);
    return undefined;
  } catch (error) {
    return `cannot be written (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
  }
}

/**
 * Rewrites a file in place: the same file, so that its hard links, owner,
 * mode and identity survive, and its folder need not be writable (a rename
 * over it would replace all of that). Only when its bytes are still
 * `expected`, what was read: a change made since is never overwritten.
 * Throws `NotWritten` with the reason otherwise. Unlike a rename this is not
 * atomic: a crash in the middle of the write can leave the file cut short.
 * That is the price of keeping the file itself, for a file a person edits
 * and keeps under version control; a cache may keep using a rename.
 */
export function writeFileInPlace(file: string, expected: Buffer, content: Buffer): void {
  const problem = readOnlyProblem(file);
  if (problem) throw new NotWritten(problem);
  let fd: number;
  try {
    fd = fs.openSync(file, 'r+');
  } catch (error) {
    throw new NotWritten(`cannot be opened for writing (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  try {
    if (!readAll(fd).equals(expected)) throw new NotWritten('changed on disk since it was read (run again)');
    try {
      writeAll(fd, content);
    } catch (error) {
      // Most often the disk is full: the old content fits where it was.
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      try {
        writeAll(fd, expected);
      } catch {
        throw new NotWritten(`could not be written (${code}) and may be cut short: check it`);
      }
      throw new NotWritten(`could not be written (${code}); it was left as it was`);
    }
  } finally {
    fs.closeSync(fd);
  }
}

function writeAll(fd: number, content: Buffer): void {
  for (let written = 0; written < content.length; ) written += fs.writeSync(fd, content, written, content.length - written, written);
  fs.ftruncateSync(fd, content.length);
}

function readAll(fd: number): Buffer {
  const chunks: Buffer[] = [];
  const chunk = Buffer.alloc(1 << 16);
  for (let position = 0; ; ) {
    const n = fs.readSync(fd, chunk, 0, chunk.length, position);
    if (n === 0) return Buffer.concat(chunks);
    chunks.push(Buffer.from(chunk.subarray(0, n)));
    position += n;
  }
}
