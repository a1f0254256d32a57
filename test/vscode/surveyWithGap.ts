/**
 * The survey every VS Code suite runs on: the reference survey with entry 4
 * of "Text Prompt-driven" removed, a numbering gap to find and fix. Read from
 * ../shared at run time (never copied into the repository).
 *
 * As a command it writes a folder for @vscode/test-web (the GitHub workflow):
 *   node --import tsx test/vscode/surveyWithGap.ts <folder>
 * README.md, and .vscode/settings.json turning arXiv requests off, as the
 * launchers' user settings do.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const REFERENCE = path.resolve(__dirname, '..', '..', '..', 'shared', 'seed', 'LLM-data-aug-survey.README.md');

export function surveyWithGap(): string {
  const lines = fs.readFileSync(REFERENCE, 'utf8').split('\n');
  const gap = lines.findIndex((l) => l.startsWith('4. It is all about where you start'));
  if (gap < 0) throw new Error(`${REFERENCE} is not the expected reference survey`);
  lines.splice(gap, 1);
  return lines.join('\n');
}

/** `dir`/README.md holding the survey; returns `dir`. */
export function writeSurveyFolder(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'README.md'), surveyWithGap());
  return dir;
}

if (require.main === module) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: surveyWithGap.ts <folder>');
  writeSurveyFolder(dir);
  fs.mkdirSync(path.join(dir, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(dir, '.vscode', 'settings.json'), JSON.stringify({ 'surveyor.arxiv.online': false }, null, 2));
}
