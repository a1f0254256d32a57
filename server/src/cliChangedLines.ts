/** `--changed-since REF`: the lines of each file that changed since a git commit, from `git diff`. */

import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError } from './cliErrors';
import { realPath } from './cliRealPath';

/** The changed lines of one file (none when it did not change). */
export function linesOf(changed: ChangedLines, file: string): Set<number> | undefined {
  return changed.get(realPath(file));
}

/** A diff larger than this is refused (one line says so) rather than read into memory. */
export const MAX_DIFF_BYTES = 64 * 1024 * 1024;

/** Changed (added or modified) line numbers, 1-based, by the file's real absolute path. */
export type ChangedLines = Map<string, Set<number>>;

/**
 * The lines changed between `ref` and the working tree, for the repository
 * of the working folder, renames followed (a renamed file's unchanged lines
 * are not changed). Every checked file must be tracked by git. Which commit
 * to compare with (the pull request's base, a merge base) is the caller's
 * choice. Git runs without a shell, its own settings that change the
 * output's shape (prefixes, colour, external diff tools, hunks merged
 * across unchanged lines by diff.interHunkContext) overridden.
 */
export function changedLines(ref: string, files: string[]): ChangedLines {
  const root = git(['rev-parse', '--show-toplevel'], 'find the repository').trim();
  if (ref.startsWith('-')) throw new InputError([`--changed-since: "${ref}" is not a commit`]);
  try {
    git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], '');
  } catch {
    throw new InputError([`--changed-since: git does not know the commit "${ref}" (in GitHub Actions, check out with fetch-depth: 0 so that the base commit is there)`]);
  }
  const tracked = new Set(
    git(['ls-files', '-z', '--full-name', '--', ...files.map((f) => path.resolve(f))], 'list the tracked files')
      .split('\0')
      .filter((f) => f !== '')
      .map((f) => realPath(path.join(root, f))),
  );
  const untracked = files.filter((f) => !tracked.has(realPath(f)));
  if (untracked.length > 0) throw new InputError(untracked.map((f) => `${f}: not tracked by git, so --changed-since cannot tell which of its lines changed`));
  const diff = git(
    ['-c', 'core.quotePath=true', 'diff', '--unified=0', '--inter-hunk-context=0', '--no-color', '--no-ext-diff', '--no-textconv', '--no-relative', '--find-renames', '--src-prefix=a/', '--dst-prefix=b/', ref, '--'],
    'compare with that commit',
  );
  // A link's diff is of the path it holds, not of its target's lines; the target has its own.
  const changed = [...parseDiff(diff)].filter(([file]) => !isLink(path.join(root, file)));
  return new Map(changed.map(([file, lines]) => [realPath(path.join(root, file)), lines]));
}

/**
 * The new side of a `git diff --unified=0`: for each file, the lines its hunks
 * add or change. The `---`/`+++` names are read only in a file's header, between
 * its `diff --git` line and its first hunk: in a hunk, an added line "++ x"
 * reads "+++ x". A binary file's header has no names and no hunks, so none of
 * its lines count as changed; "\ No newline at end of file" is no line.
 */
export function parseDiff(diff: string): Map<string, Set<number>> {
  const changed = new Map<string, Set<number>>();
  let lines: Set<number> | undefined;
  let inHeader = false;
  for (const line of diff.split('\n')) {
    if (line.startsWith('diff --git ')) {
      lines = undefined;
      inHeader = true;
    } else if (inHeader && line.startsWith('+++ ')) {
      // Git ends a name that holds a space with a tab (as GNU diff does, for patch).
      const name = line.slice(4).replace(/\t$/, '');
      // A deleted file has no new side.
      if (name === '/dev/null') continue;
      const file = unquote(name).replace(/^b\//, '');
      lines = changed.get(file) ?? new Set();
      changed.set(file, lines);
    } else if (line.startsWith('@@ ')) {
      inHeader = false;
      const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
      if (!lines || !hunk) continue;
      const start = Number(hunk[1]);
      // A count of 0 is a pure deletion: no line of the new side changed.
      const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
      for (let n = start; n < start + count; n++) lines.add(n);
    }
  }
  return changed;
}

/** Git's C-style quoting of unusual paths ("b/caf\303\251.md"), undone; an unquoted path is returned as it is. */
function unquote(name: string): string {
  if (!name.startsWith('"') || !name.endsWith('"')) return name;
  const bytes: number[] = [];
  const escapes: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };
  const body = name.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      bytes.push(...Buffer.from(c, 'utf8'));
    } else if (/[0-7]{3}/.test(body.slice(i + 1, i + 4))) {
      bytes.push(parseInt(body.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(escapes[body[i + 1]!] ?? body.charCodeAt(i + 1));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function git(args: string[], what: string): string {
  try {
    return execFileSync('git', args, { encoding: 'utf8', maxBuffer: MAX_DIFF_BYTES, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string; status?: number };
    if (what === '') throw error;
    if (e.code === 'ENOENT') throw new InputError(['--changed-since needs git, which is not installed (or not on PATH)']);
    if (e.code === 'ENOBUFS') throw new InputError([`--changed-since: the diff is larger than ${MAX_DIFF_BYTES / (1024 * 1024)} MB; give a more recent commit`]);
    const reason = (e.stderr ?? '').trim().split('\n')[0]?.replace(/^fatal: /, '') || e.message;
    throw new InputError([`--changed-since: git could not ${what}: ${reason}`]);
  }
}


function isLink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}
