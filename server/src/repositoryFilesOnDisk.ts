import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import type { RepositoryFiles } from './service/repositoryFiles';

/** How long an answer is kept: rules ask on every keystroke, and a file created since is seen soon after. */
const KEEP_MS = 5000;

/**
 * The files beside a survey, read from the disk (the CLI and the Node
 * server). A path is resolved as GitHub resolves it: against the README's
 * folder, or against the repository's root (the folder holding `.git`) when
 * it starts with `/`. A path that leaves the repository, a document that is
 * not a saved file, or one outside a git checkout (a copy of a README without
 * its files) cannot be told: undefined, and nothing is reported.
 */
export function repositoryFilesOnDisk(now: () => number = Date.now): RepositoryFiles {
  const answers = new Map<string, { exists: boolean | undefined; at: number }>();
  return {
    exists(documentUri, target) {
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
  if (resolved !== root && !resolved.startsWith(root + path.sep)) return undefined;
  return fs.existsSync(resolved);
}

/** The nearest folder at or above `folder` that holds `.git`. */
function repositoryRoot(folder: string): string | undefined {
  for (let dir = folder; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}
