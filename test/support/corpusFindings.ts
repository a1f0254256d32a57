import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { DEFAULT_ARXIV_ENDPOINT, defaultSettings } from '../../shared/settings';
import { REAL_CLOCK } from '../../server/src/metadata/clock';
import { MetadataStore } from '../../server/src/metadata/metadataStore';
import { loadSnapshot } from '../../server/src/metadata/snapshot';
import { SurveyorLanguageService } from '../../server/src/service/languageService';
import { document, REFERENCE_SURVEY, corpusFiles } from './fixtures';

/**
 * Judged expectations about real lists: for each list in `../shared/corpora`
 * and the reference survey, `test/corpora/<name>.expected` holds every
 * finding Surveyor reports on it, one per line (`line:col severity code
 * message`), each read on the list and judged. A finding may be followed by
 * indented notes: `why: …` (the reason, where it is not obvious) or
 * `false: …` (a hint or info judged wrong, kept while the rule cannot tell;
 * never a warning or an error). Lines starting with `#` are comments
 * (defects read by hand that Surveyor does not report go there).
 */

export const EXPECTED_DIR = path.resolve(__dirname, '..', 'corpora');

export interface JudgedFinding {
  finding: string;
  /** Whether the finding was judged a real defect. */
  judgedTrue: boolean;
  notes: string[];
}

const SEVERITY: Record<number, string> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info',
  [DiagnosticSeverity.Hint]: 'hint',
};

/** The lists judged: the reference survey first, then the corpora, by name. */
export function judgedLists(): { name: string; file: string }[] {
  const lists = [REFERENCE_SURVEY, ...corpusFiles().sort()];
  return lists.map((file) => ({ name: path.basename(file).replace(/(\.README)?\.md$/, ''), file }));
}

/**
 * The service as a user meets it offline, in the editor or the CLI: default
 * settings, and arXiv metadata from the snapshot bundled with Surveyor (never
 * a cache), so that the metadata rules are judged too.
 */
function offlineService(): SurveyorLanguageService {
  const metadata = new MetadataStore({ snapshot: loadSnapshot(), endpoint: DEFAULT_ARXIV_ENDPOINT, clock: REAL_CLOCK, log: () => {} });
  const settings = defaultSettings();
  return new SurveyorLanguageService({ settings: { settingsFor: () => settings }, logger: { log: () => {} }, metadata });
}

/** Surveyor's findings on a list, as the expectation files write them. */
export function findingLines(file: string): string[] {
  const diagnostics = offlineService().getDiagnostics(document(fs.readFileSync(file, 'utf8')));
  return diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${SEVERITY[d.severity!]} ${String(d.code)} ${d.message}`);
}

export function expectedPath(name: string): string {
  return path.join(EXPECTED_DIR, `${name}.expected`);
}

/** The judged findings of an expectation file, and its comment lines. */
export function readExpected(name: string): { findings: JudgedFinding[]; comments: string[] } {
  const file = expectedPath(name);
  const findings: JudgedFinding[] = [];
  const comments: string[] = [];
  if (!fs.existsSync(file)) return { findings, comments };
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    if (line.startsWith('#')) comments.push(line);
    else if (/^\s/.test(line)) {
      const last = findings[findings.length - 1];
      if (!last) continue;
      last.notes.push(line.trim());
      if (/^false:/.test(line.trim())) last.judgedTrue = false;
    } else findings.push({ finding: line, judgedTrue: true, notes: [] });
  }
  return { findings, comments };
}

/** Findings and judged-true counts per rule code. */
export function perRule(findings: JudgedFinding[]): Map<string, { findings: number; judgedTrue: number }> {
  const table = new Map<string, { findings: number; judgedTrue: number }>();
  for (const f of findings) {
    const code = f.finding.split(' ')[2]!;
    const row = table.get(code) ?? { findings: 0, judgedTrue: 0 };
    row.findings++;
    if (f.judgedTrue) row.judgedTrue++;
    table.set(code, row);
  }
  return table;
}

export function severityOf(finding: string): string {
  return finding.split(' ')[1]!;
}
