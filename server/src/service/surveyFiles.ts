import { Minimatch, braceExpand, type MinimatchOptions } from 'minimatch';

/**
 * minimatch makes each segment of a glob a backtracking regular expression:
 * a failing match costs the segment's length to the power of its `*`s
 * (measured on a 255-character file name: 2 stars 0.6 ms, 3 stars 60 ms,
 * 4 stars 3.6 s). Past these caps a glob is reported and ignored.
 */
export const MAX_STARS_PER_SEGMENT = 2;
export const MAX_GLOB_LENGTH = 256;
/** Patterns the whole `files` list may stand for once braces are expanded (`{a,b}` is two, `{1..1000}` a thousand). */
export const MAX_FILE_PATTERNS = 64;

/** A file name has at most 255 characters: a longer segment names no file on disk, and it is not matched (it could make matching slow). */
const MAX_PATH_SEGMENT = 255;

// `noext`: extended globs such as `+(a|aa)` backtrack without bound (3 of them took minutes on 40 characters).
const OPTIONS: MinimatchOptions = { nocase: true, dot: true, noext: true, braceExpandMax: MAX_FILE_PATTERNS + 1 };

/** Why a glob of `files` is not used, or undefined when it is fine. */
export function globProblem(glob: string): string | undefined {
  if (glob.length > MAX_GLOB_LENGTH) return `longer than ${MAX_GLOB_LENGTH} characters`;
  if (glob.split('/').some((segment) => segment !== '**' && segment.split('*').length - 1 > MAX_STARS_PER_SEGMENT)) {
    return `more than ${MAX_STARS_PER_SEGMENT} "*" in one part of the path`;
  }
  if (/[?*+@!]\(/.test(glob)) return 'extended globs such as +(a|b) are not supported';
  if (patternCount(glob) > MAX_FILE_PATTERNS) return `its braces stand for more than ${MAX_FILE_PATTERNS} patterns`;
  return undefined;
}

/** How many patterns a glob stands for once braces are expanded (counted up to just past the cap). */
export function patternCount(glob: string): number {
  return braceExpand(glob, OPTIONS).length;
}

/**
 * Whether a file is a survey, by the `files` globs, matched case-insensitively
 * against its path (relative to the workspace folder when there is one).
 */
export function isSurveyPath(filePath: string, globs: readonly string[]): boolean {
  const normalised = filePath.replace(/\\/g, '/').replace(/^\/+/, '');
  if (normalised.split('/').some((segment) => segment.length > MAX_PATH_SEGMENT)) return false;
  return matchersOf(globs).some((matcher) => matcher.match(normalised));
}

/** Compiled once per list of globs (a configuration's `files`), not on every request. */
const compiled = new WeakMap<readonly string[], Minimatch[]>();

function matchersOf(globs: readonly string[]): Minimatch[] {
  let matchers = compiled.get(globs);
  if (!matchers) {
    // The settings reported a glob past the caps and dropped it; these skip it too, whoever built the list.
    matchers = globs.filter((glob) => globProblem(glob) === undefined).map((glob) => new Minimatch(glob, OPTIONS));
    compiled.set(globs, matchers);
  }
  return matchers;
}
