/** How `surveyor check` prints its findings: plain lines, JSON, GitHub Actions annotations, or SARIF. */

import type { CliFinding } from './cliFinding';
import { sarifLog } from './cliSarif';
import { withoutControls } from './untrustedText';

export type OutputFormat = 'text' | 'json' | 'github' | 'sarif';

export function formatFindings(findings: CliFinding[], format: OutputFormat): string {
  switch (format) {
    case 'json':
      return JSON.stringify(findings, null, 2);
    case 'github':
      return findings.map(githubAnnotation).join('\n');
    case 'sarif':
      return JSON.stringify(sarifLog(findings), null, 2);
    case 'text':
      // Messages quote the file and arXiv: a terminal must not take an escape sequence in them for a command.
      return findings.map((f) => withoutControls(`${f.file}:${f.line}:${f.column} ${f.severity} ${f.code} ${f.message}${f.changed ? ' (changed line)' : ''}`)).join('\n');
  }
}

/** `::warning file=…,line=…::message`; GitHub knows error, warning and notice. */
function githubAnnotation(f: CliFinding): string {
  const level = f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'notice';
  const props = [
    `file=${escapeProperty(withoutControls(f.file))}`,
    `line=${f.line}`,
    `col=${f.column}`,
    `endLine=${f.endLine}`,
    `endColumn=${f.endColumn}`,
    `title=${escapeProperty(`surveyor ${f.code}${f.changed ? ' (changed line)' : ''}`)}`,
  ].join(',');
  return `::${level} ${props}::${escapeData(withoutControls(f.message))}`;
}

// The escaping GitHub's workflow commands define for data and for property values.
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
