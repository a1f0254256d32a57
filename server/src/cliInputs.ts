/** What `surveyor check` reads: the files, folders and globs of the command line, turned into survey files and read whole. */

import * as fs from 'node:fs';
import * as path from 'node:path';
import { Minimatch, type MinimatchOptions } from 'minimatch';
import { InputError } from './cliErrors';
import { realPath } from './cliRealPath';
import type { CliSettings } from './cliSettings';
import { globProblem, isSurveyPath } from './service/surveyFiles';

export interface Input {
  /** As shown in findings: as given on the command line, or the folder given joined with the path below it. */
  file: string;
  /** The bytes read, to check before a fix is written that the file has not changed since. */
  bytes: Buffer;
  text: string;
  bom: boolean;
}

// As `files` in .surveyor.json is matched: case-insensitively, and without extended globs, which backtrack without bound.
// On Windows "\" separates folders (docs\*.md); elsewhere it escapes, as in a shell (\* is a star).
const GLOB_OPTIONS: MinimatchOptions = { nocase: true, noext: true, windowsPathsNoEscape: path.sep === '\\' };

/** Folders never walked into: version control, dependencies, and (for folders) any dot-folder. */
const SKIPPED = new Set(['.git', 'node_modules']);

/**
 * The files the arguments stand for, each once (a link and its target are
 * one file, under the name met first), in the order given (a
 * folder's and a glob's sorted by path). A file is taken as named; a folder
 * yields the files its `.surveyor.json` (`files`) calls surveys; a glob the
 * files it matches. A folder or glob that yields nothing is an error, as in
 * eslint and markdownlint-cli2.
 */
export function expandInputs(args: string[], settings: CliSettings): string[] {
  const seen = new Set<string>();
  const files: string[] = [];
  const problems: string[] = [];
  const add = (file: string) => {
    // Checked twice, a file fixed through one name would then seem "changed on disk" through the other.
    const key = realPath(file);
    if (!seen.has(key)) {
      seen.add(key);
      files.push(file);
    }
  };
  for (const arg of args) {
    const kind = kindOf(arg);
    if (kind === 'folder') {
      const found = surveysIn(arg, settings, problems);
      if (found.length === 0 && problems.length === 0) problems.push(`${arg}: no survey files in this folder (its .surveyor.json's "files", **/README.md by default, names none)`);
      found.forEach(add);
    } else if (kind === 'glob') {
      const found = matching(arg, problems);
      if (found.length === 0 && problems.length === 0) problems.push(`no files match "${arg}"`);
      found.forEach(add);
    } else {
      // Read (and refused when it cannot be) by readInputs.
      add(arg);
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return files;
}

function kindOf(arg: string): 'file' | 'folder' | 'glob' {
  try {
    return fs.statSync(arg).isDirectory() ? 'folder' : 'file';
  } catch {
    return hasMagic(arg) ? 'glob' : 'file';
  }
}

function surveysIn(folder: string, settings: CliSettings, problems: string[]): string[] {
  const root = path.resolve(folder);
  return walk(folder, () => true, problems).filter((file) => {
    const { settings: fileSettings, filesBase } = settings.forFile(file);
    const absolute = path.resolve(file);
    let relative = path.relative(filesBase ?? root, absolute);
    // --config's folder is the working folder; a folder given outside it is matched from where it starts.
    if (relative.startsWith('..')) relative = path.relative(root, absolute);
    return isSurveyPath(relative, fileSettings.files);
  });
}

function matching(glob: string, problems: string[]): string[] {
  const problem = globProblem(glob);
  if (problem !== undefined) {
    problems.push(`the glob "${glob}" is not used: ${problem}`);
    return [];
  }
  // minimatch does not match "./a.md" against "a.md": the pattern is written the way walk() writes paths.
  const pattern = toSlashes(glob).replace(/^(?:\.\/)+/, '');
  const matcher = new Minimatch(pattern, GLOB_OPTIONS);
  const segments = pattern.split('/');
  const literal = segments.findIndex(hasMagic);
  const base = segments.slice(0, literal).join('/') || (pattern.startsWith('/') ? '/' : '.');
  if (!isFolder(base)) return [];
  return walk(base, (folder) => matcher.match(toSlashes(folder), true), problems).filter((file) => matcher.match(toSlashes(file)));
}

/**
 * The files below `folder` (paths joined to it as given), sorted, without
 * following links to folders (a link loop would never end) and without
 * entering skipped folders or those `enter` refuses.
 */
function walk(folder: string, enter: (folder: string) => boolean, problems: string[]): string[] {
  const files: string[] = [];
  const visit = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      problems.push(`${dir}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = dir === '.' ? entry.name : path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name) && !entry.name.startsWith('.') && enter(full)) visit(full);
      } else if (entry.isFile() || (entry.isSymbolicLink() && isFile(full))) {
        files.push(full);
      }
    }
  };
  visit(folder);
  return files;
}

/** Whether a pattern has a wildcard, a class or braces (nocase would make any letter count). */
function hasMagic(pattern: string): boolean {
  return new Minimatch(pattern, { ...GLOB_OPTIONS, nocase: false }).hasMagic();
}

function toSlashes(p: string): string {
  return p.split(path.sep).join('/');
}

function isFolder(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** Reads every input first, so that one bad file stops the run before anything is written. */
export function readInputs(files: string[]): Input[] {
  const problems: string[] = [];
  const inputs: Input[] = [];
  for (const file of files) {
    let bytes: Buffer;
    try {
      const stat = fs.statSync(file);
      if (!stat.isFile()) {
        problems.push(`${file}: is not a regular file (a device or a pipe); not checked`);
        continue;
      }
      bytes = fs.readFileSync(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      problems.push(`${file}: ${code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? String(error)})`}`);
      continue;
    }
    if (bytes.includes(0)) {
      problems.push(`${file}: looks binary (it contains NUL bytes); not checked`);
      continue;
    }
    try {
      // The decoder drops a byte-order mark; it is remembered so that `--fix` writes it back.
      const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
      inputs.push({ file, bytes, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), bom });
    } catch {
      problems.push(`${file}: is not valid UTF-8; not checked`);
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return inputs;
}
