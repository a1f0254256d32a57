import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import type { RepositoryFiles } from './service/repositoryFiles';

/** How long an answer is kept: rules ask on every keystroke, and a file created since is seen soon after. */
const KEEP_MS = 5000;

/** No path on disk is longer (Linux's PATH_MAX); a longer target is not asked about, nor kept as a key of the answers. */
const MAX_TARGET_LENGTH = 4096;

/**
 * The files beside a survey, read from the disk (the CLI and the Node
 * server). A path is resolved as GitHub resolves it: against the README's
 * folder, or against the repository's root (the folder holding `.git`) when
 * it starts with `/`. A path that leaves the repository (by `..` or by a
 * link), a document that is not a saved file, or one outside a git checkout
 * (a copy of a README without its files) cannot be told: undefined, and
 * nothing is reported.
 */
export function repositoryFilesOnDisk(now: () => number = Date.now): RepositoryFiles {
  const answers = new Map<string, { exists: boolean | undefined; at: number }>();
  return {
    exists(documentUri, target) {
      if (target.length > MAX_TARGET_LENGTH) return undefined;
      const key = `${documentUri}\u0000${target}`;
      const known = answers.get(key);
      if (known && now() - known.at < KEEP_MS) return known.exists;
      const exists = look(documentUri, target);
      if (answers.size > 10_000) answers.clear();
      answers.set(key, { exists, at: now() });
      return exists;
    },
  };
}

function look(documentUri: string, target: string): boolean | undefined {
  const uri = URI.parse(documentUri);
  if (uri.scheme !== 'file') return undefined;
  const folder = path.dirname(uri.fsPath);
  // Outside a checkout the README is a copy without its files: nothing can be told.
  const root = repositoryRoot(folder);
  if (!root) return undefined;
  const resolved = path.resolve(target.startsWith('/') ? root : folder, target.replace(/^\/+/, ''));
  if (!isInside(resolved, root)) return undefined;
  let real: string;
  try {
    real = fs.realpathSync(resolved);
  } catch {
    return false; // missing, or a link that leads nowhere
  }
  // A link out of the checkout: what lies there is not the repository's (GitHub does not follow it either).
  return isInside(real, realPathOf(root)) ? true : undefined;
}

function realPathOf(folder: string): string {
  try {
    return fs.realpathSync(folder);
  } catch {
    return folder;
  }
}

function isInside(file: string, folder: string): boolean {
  return file === folder || file.startsWith(folder + path.sep);
}

/** The nearest folder at or above `folder` that holds `.git`. */
function repositoryRoot(folder: string): string | undefined {
  for (let dir = folder; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}
