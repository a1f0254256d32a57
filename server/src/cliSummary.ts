/**
 * `--summary FILE`: a Markdown report appended to FILE, as GitHub Actions
 * reads `$GITHUB_STEP_SUMMARY` (each step appends its part). Messages quote
 * the survey and arXiv, so everything taken from them is shown inert, as
 * the editor's hovers show it: no HTML, no Markdown of theirs, no live link,
 * no table cell broken by a "|".
 */

import * as fs from 'node:fs';
import type { CliFinding } from './cliFinding';
import { FAIL_ON_LEVELS, countBySeverity, summaryLine } from './cliExitStatus';
import { inertMarkdown } from './service/features/markdownText';
import { cleanText } from './untrustedText';

/** Rows listed per table; past them one line says how many more (GitHub caps a step's summary at 1 MiB). */
export const MAX_SUMMARY_ROWS = 200;
/** A message longer than this is cut, with "…". */
export const MAX_SUMMARY_MESSAGE = 300;

export interface SummaryFacts {
  files: number;
  /** Whether --changed-since was given (otherwise there is no "changed lines" section). */
  changedSince: string | undefined;
  /** The summary line's count of papers without arXiv metadata (withoutMetadataNote), when it has one. */
  withoutMetadata?: string | undefined;
}

export function summaryMarkdown(findings: readonly CliFinding[], facts: SummaryFacts): string {
  const counts = countBySeverity(findings);
  const out: string[] = ['## Surveyor', ''];
  const changed = findings.filter((f) => f.changed);
  const rest = findings.filter((f) => !f.changed);
  let line = summaryLine(counts, facts.files);
  if (facts.changedSince !== undefined) line += `; ${changed.length} on lines changed since ${shown(shortCommit(facts.changedSince))}`;
  if (facts.withoutMetadata !== undefined) line += `; ${facts.withoutMetadata}`;
  out.push(line, '');
  if (findings.length === 0) return out.join('\n') + '\n';

  const byRule = new Map<string, Record<string, number>>();
  for (const f of findings) {
    const row = byRule.get(f.code) ?? Object.fromEntries(FAIL_ON_LEVELS.map((level) => [level, 0]));
    row[f.severity]!++;
    byRule.set(f.code, row);
  }
  const levels = FAIL_ON_LEVELS.filter((level) => counts[level] > 0);
  out.push(`| Rule | ${levels.join(' | ')} |`, `| --- |${levels.map(() => ' ---: |').join('')}`);
  for (const [code, row] of [...byRule].sort(([a], [b]) => (a < b ? -1 : 1))) out.push(`| ${shown(code)} | ${levels.map((level) => row[level]).join(' | ')} |`);
  out.push('');

  if (facts.changedSince !== undefined) {
    out.push('### On changed lines', '');
    if (changed.length === 0) out.push('None.');
    for (const f of changed.slice(0, MAX_SUMMARY_ROWS)) out.push(`- ${shown(`${f.file}:${f.line}`)} ${f.severity} ${shown(f.code)}: ${shown(shortened(f.message))}`);
    if (changed.length > MAX_SUMMARY_ROWS) out.push(`- and ${changed.length - MAX_SUMMARY_ROWS} more`);
    out.push('');
  }
  if (rest.length > 0) {
    out.push(facts.changedSince !== undefined ? '### Elsewhere' : '### Findings', '');
    out.push('| File | Line | Severity | Rule | Message |', '| --- | ---: | --- | --- | --- |');
    for (const f of rest.slice(0, MAX_SUMMARY_ROWS)) out.push(`| ${shown(f.file)} | ${f.line} | ${f.severity} | ${shown(f.code)} | ${shown(shortened(f.message))} |`);
    out.push('');
    if (rest.length > MAX_SUMMARY_ROWS) out.push(`And ${rest.length - MAX_SUMMARY_ROWS} more (the log lists them all).`, '');
  }
  return out.join('\n') + '\n';
}

export function appendSummary(file: string, markdown: string): void {
  fs.appendFileSync(file, markdown, 'utf8');
}

function shortened(message: string): string {
  const clean = cleanText(message);
  return clean.length > MAX_SUMMARY_MESSAGE ? `${clean.slice(0, MAX_SUMMARY_MESSAGE - 1)}…` : clean;
}

/** A commit id cut to 12 hex digits, as GitHub shows one; a ref name (origin/feature-x) whole. */
function shortCommit(ref: string): string {
  return /^[0-9a-f]{40,64}$/i.test(ref) ? ref.slice(0, 12) : ref;
}

/** Text shown as itself, on one line: controls and escape sequences gone, then every Markdown mark, "|", HTML and autolink made inert. */
export function shown(text: string): string {
  return inertMarkdown(cleanText(text));
}
