import { minimatch } from 'minimatch';

/**
 * Whether a file is a survey, by the `files` globs, matched case-insensitively
 * against its path (relative to the workspace folder when there is one).
 */
export function isSurveyPath(filePath: string, globs: readonly string[]): boolean {
  const normalised = filePath.replace(/\\/g, '/').replace(/^\/+/, '');
  return globs.some((glob) => minimatch(normalised, glob, { nocase: true, dot: true }));
}
