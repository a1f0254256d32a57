/**
 * `--summary FILE`: a Markdown report appended to FILE, as GitHub Actions
 * reads `$GITHUB_STEP_SUMMARY` (each step appends its part). Messages quote
 * the survey and arXiv, so everything taken from them is escaped: no HTML,
 * no Markdown of theirs, no table cell broken by a "|".
 */

import * as fs from 'node:fs';
import type { CliFinding } from './cliFinding';
import { LEVELS_BY_RANK, countBySeverity, summaryLine } from './cliExitStatus';
import { cleanText } from './untrustedText';

/** Rows listed per table; past them one line says how many more (GitHub caps a step's summary at 1 MiB). */
export const MAX_SUMMARY_ROWS = 200;
/** A message longer than this is cut, with "…". */
export const MAX_SUMMARY_MESSAGE = 300;

export interface SummaryFacts {
  files: number;
  /** Whether --changed-since was given (otherwise there is no "changed lines" section). */
  changedSince: string | undefined;
  /** With --online: papers for which no metadata was found. */
  withoutMetadata?: number;
}

export function summaryMarkdown(findings: readonly CliFinding[], facts: SummaryFacts): string {
  const counts = countBySeverity(findings);
  const out: string[] = ['## Surveyor', ''];
  const changed = findings.filter((f) => f.changed);
  const rest = findings.filter((f) => !f.changed);
  let line = summaryLine(counts, facts.files);
  if (facts.changedSince !== undefined) line += `; ${changed.length} on lines changed since ${escapeMarkdown(facts.changedSince.slice(0, 12))}`;
  if (facts.withoutMetadata !== undefined) line += `; ${facts.withoutMetadata} paper${facts.withoutMetadata === 1 ? '' : 's'} without arXiv metadata`;
  out.push(line, '');
  if (findings.length === 0) return out.join('\n') + '\n';

  const byRule = new Map<string, Record<string, number>>();
  for (const f of findings) {
    const row = byRule.get(f.code) ?? Object.fromEntries(LEVELS_BY_RANK.map((level) => [level, 0]));
    row[f.severity]!++;
    byRule.set(f.code, row);
  }
  const levels = LEVELS_BY_RANK.filter((level) => counts[level] > 0);
  out.push(`| Rule | ${levels.join(' | ')} |`, `| --- |${levels.map(() => ' ---: |').join('')}`);
  for (const [code, row] of [...byRule].sort(([a], [b]) => (a < b ? -1 : 1))) out.push(`| ${escapeMarkdown(code)} | ${levels.map((level) => row[level]).join(' | ')} |`);
  out.push('');

  if (facts.changedSince !== undefined) {
    out.push('### On changed lines', '');
    if (changed.length === 0) out.push('None.');
    for (const f of changed.slice(0, MAX_SUMMARY_ROWS)) out.push(`- ${escapeMarkdown(`${f.file}:${f.line}`)} ${f.severity} ${escapeMarkdown(f.code)}: ${escapeMarkdown(shortened(f.message))}`);
    if (changed.length > MAX_SUMMARY_ROWS) out.push(`- and ${changed.length - MAX_SUMMARY_ROWS} more`);
    out.push('');
  }
  if (rest.length > 0) {
    out.push(facts.changedSince !== undefined ? '### Elsewhere' : '### Findings', '');
    out.push('| File | Line | Severity | Rule | Message |', '| --- | ---: | --- | --- | --- |');
    for (const f of rest.slice(0, MAX_SUMMARY_ROWS)) out.push(`| ${escapeMarkdown(f.file)} | ${f.line} | ${f.severity} | ${escapeMarkdown(f.code)} | ${escapeMarkdown(shortened(f.message))} |`);
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

/**
 * Text shown as itself: HTML's special characters as entities (GitHub would
 * sanitise a tag, but the survey's text should not be read as one at all),
 * and every ASCII punctuation mark Markdown gives a meaning to backslash-escaped,
 * "|" included, so that it cannot end a table cell.
 */
export function escapeMarkdown(text: string): string {
  return cleanText(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_{}[\]()#+!|~^$]/g, (c) => `\\${c}`);
}
