/** `surveyor check` and `surveyor fetch`, from parsed arguments to an exit status. */

import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import type { SurveyorSettings } from '../../shared/settings';
import { USAGE, parseArgs, type Options } from './cliArgs';
import { changedLines, linesOf, type ChangedLines } from './cliChangedLines';
import { InputError, UsageError } from './cliErrors';
import { countBySeverity, failsRun, summaryLine } from './cliExitStatus';
import type { CliFinding } from './cliFinding';
import { formatFindings } from './cliFormat';
import { fetchNamedPapers } from './cliFetch';
import { expandInputs, readInputs } from './cliInputs';
import { withoutMetadataNote, type MetadataSource } from './cliPapers';
import { CliSettings } from './cliSettings';
import { appendSummary, summaryMarkdown } from './cliSummary';
import { SURVEYOR_VERSION } from './cliVersion';
import { withoutControls } from './untrustedText';
import { REAL_CLOCK } from './metadata/clock';
import { MetadataStore } from './metadata/metadataStore';
import { CACHE_FILE_NAME, cacheOnDisk } from './metadata/cacheOnDisk';
import { createMetadata } from './metadata/setup';
import { loadSnapshot } from './metadata/snapshot';
import { repositoryFilesOnDisk } from './repositoryFilesOnDisk';
import { SurveyorLanguageService } from './service/languageService';
import { NotWritten, readOnlyProblem, writeFileInPlace } from './writeFileInPlace';

/** Runs the command line `argv` (without `node` and the script); `out` is stdout, `err` stderr, one line per call (the usage a block). */
export async function main(argv: string[], out: (s: string) => void, rawErr: (s: string) => void): Promise<number> {
  // Messages name files, folders and arguments, which may hold a line break ("\n::error ::…" would be a workflow
  // command in GitHub Actions) or a terminal escape sequence: each line stays one line, and shows as text.
  const err = (s: string) => rawErr(withoutControls(s));
  let options: ReturnType<typeof parseArgs>;
  try {
    options = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    // No arguments at all: the usage, as for a bare `git`; anything else wrong: one line.
    if (argv.length === 0) rawErr(USAGE);
    else err(`surveyor: ${error.message}; see surveyor --help`);
    return 2;
  }
  if (options === 'help') {
    out(USAGE);
    return 0;
  }
  if (options === 'version') {
    out(SURVEYOR_VERSION);
    return 0;
  }
  try {
    return await run(options, out, err);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    for (const line of error.lines) err(`surveyor: ${line}`);
    return 2;
  }
}

async function run(options: Options, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const settings = new CliSettings(options.config);
  const files = expandInputs(options.inputs, settings);
  const inputs = readInputs(files);
  // Every configuration is read (and refused when invalid) before anything is fetched or written.
  const settingsOf = new Map(inputs.map((input) => [input, settings.forFile(input.file).settings]));
  const changed = options.changedSince !== undefined ? changedLines(options.changedSince, files) : undefined;

  const settingsByUri = new Map<string, SurveyorSettings>();
  // Offline, the bundled snapshot only, never the cache: CI output then depends on Surveyor's version and the input alone.
  // --cached reads the cache as well (one CI restored), and fetches nothing.
  const cacheFile = path.join(options.cacheDir, CACHE_FILE_NAME);
  const metadata = options.online || options.cached ? createMetadata({ storage: cacheOnDisk(cacheFile), endpoint: options.endpoint, log: (m) => err(`surveyor: ${m}`) }) : undefined;
  if (options.cached && metadata && !fs.existsSync(cacheFile)) err(`surveyor: --cached: no arXiv cache at ${cacheFile} (surveyor fetch fills it); only the bundled snapshot is read`);
  const store = metadata?.store ?? new MetadataStore({ snapshot: loadSnapshot(), endpoint: options.endpoint, clock: REAL_CLOCK, log: (m) => err(`surveyor: ${m}`) });
  const service = new SurveyorLanguageService({
    settings: { settingsFor: (uri) => settingsByUri.get(uri)! },
    logger: { log: (m) => err(`surveyor: ${m}`) },
    files: repositoryFilesOnDisk(),
    metadata: store,
  });
  const documents = inputs.map((input) => {
    const uri = URI.file(path.resolve(input.file)).toString();
    const fileSettings = settingsOf.get(input)!;
    settingsByUri.set(uri, fileSettings);
    return { ...input, settings: fileSettings, document: TextDocument.create(uri, 'markdown', 0, input.text) };
  });

  // The papers named, for the count of those without metadata: read before the check when they are fetched, after it
  // otherwise (the check has then parsed the file, and reading its ids costs little).
  const ids = new Set<string>();
  const readIds = ({ text, settings: fileSettings }: (typeof documents)[number], document: TextDocument) => {
    // A file too large to check is not read for ids either (the check says so once).
    if (text.length <= fileSettings.maxFileSize * 1_000_000) for (const id of service.getArxivIds(document)) ids.add(id);
  };
  if (metadata && options.online) {
    for (const input of documents) {
      if (input.text.length > input.settings.maxFileSize * 1_000_000) err(`surveyor: ${input.file}: larger than maxFileSize (${input.settings.maxFileSize} MB); the papers it names are not fetched`);
      else readIds(input, input.document);
    }
    const cacheDays = Math.min(...documents.map((d) => d.settings.arxiv.cacheDays));
    metadata.store.configure({ client: metadata.client, endpoint: options.endpoint, cacheDays });
    const fetched = await fetchNamedPapers(metadata, [...ids], options.maxWaitSeconds * 1000, err);
    if (options.command === 'fetch') {
      out(fetched.summary);
      return fetched.failed > 0 ? 1 : 0;
    }
    if (fetched.failed > 0) err('surveyor: the titles of papers not fetched are checked against the snapshot or cache only, where those have them');
  }

  const checked = documents.map((input) => ({ ...input, fixed: options.fix ? fixAll(service, input.document) : input.document }));
  const toWrite = checked.filter(({ text, fixed }) => fixed.getText() !== text);
  // As with a file that cannot be read: when one fix cannot be written, none is.
  const readOnly = toWrite.flatMap(({ file }) => {
    const problem = readOnlyProblem(file);
    return problem ? [`${file}: ${problem}, so --fix cannot write its fixes; make it writable or check it without --fix`] : [];
  });
  if (readOnly.length > 0) throw new InputError(readOnly);
  const findings: CliFinding[] = [];
  let unwritten = 0;
  for (const input of checked) {
    const { file, bytes, text, bom, document: read, fixed } = input;
    let document = read;
    if (fixed.getText() !== text) {
      try {
        writeFileInPlace(file, bytes, Buffer.from((bom ? '\ufeff' : '') + fixed.getText(), 'utf8'));
        document = fixed;
        err(`surveyor: fixed ${file}`);
      } catch (error) {
        // What is reported below is then what the file still holds.
        err(`surveyor: ${file}: ${error instanceof NotWritten ? error.message : `could not be written (${String(error)})`}; the fixes were not applied`);
        unwritten++;
      }
    }
    for (const d of service.getDiagnostics(document)) {
      if (options.quiet && d.severity !== DiagnosticSeverity.Error && d.severity !== DiagnosticSeverity.Warning) continue;
      findings.push(toCliFinding(file, d, changed));
    }
    if (!options.online) readIds(input, document);
  }
  // Said, not passed over: the metadata checks are silent on these papers.
  const withoutMetadata = [...ids].filter((id) => store.lookup(id).kind !== 'known').length;
  // Findings on the changed lines first, in every format: GitHub keeps only the first annotations of a step.
  const ordered = changed ? [...findings.filter((f) => f.changed), ...findings.filter((f) => !f.changed)] : findings;
  const output = formatFindings(ordered, options.format);
  if (output) out(output);

  const counts = countBySeverity(ordered);
  let line = summaryLine(counts, inputs.length);
  if (changed) line += ` (${ordered.filter((f) => f.changed).length} on lines changed since ${options.changedSince})`;
  const metadataSource: MetadataSource = options.online ? 'online' : options.cached ? 'cached' : 'offline';
  const note = withoutMetadataNote(withoutMetadata, metadataSource);
  if (note !== undefined) line += `; ${note}`;
  err(line);
  if (options.summary !== undefined) {
    const markdown = summaryMarkdown(ordered, { files: inputs.length, changedSince: options.changedSince, withoutMetadata: note });
    try {
      appendSummary(options.summary, markdown);
    } catch (error) {
      err(`surveyor: --summary ${options.summary}: could not be written (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      return 2;
    }
  }
  if (unwritten > 0) return 2;
  return failsRun(counts, options.failOn, options.maxWarnings) ? 1 : 0;
}

function toCliFinding(file: string, d: Diagnostic, changed: ChangedLines | undefined): CliFinding {
  const severity = { [DiagnosticSeverity.Error]: 'error', [DiagnosticSeverity.Warning]: 'warning', [DiagnosticSeverity.Information]: 'info', [DiagnosticSeverity.Hint]: 'hint' } as const;
  const finding: CliFinding = {
    file,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    severity: severity[d.severity ?? DiagnosticSeverity.Warning],
    code: String(d.code),
    message: typeof d.message === 'string' ? d.message : d.message.value,
  };
  if (changed) {
    const lines = linesOf(changed, file);
    // A range that ends at the start of a line does not reach into it.
    const last = d.range.end.character === 0 && d.range.end.line > d.range.start.line ? finding.endLine - 1 : finding.endLine;
    let on = false;
    for (let n = finding.line; lines && n <= last && !on; n++) on = lines.has(n);
    finding.changed = on;
  }
  return finding;
}

/** Applies the safe fixes until none is left (overlapping edits wait for the next round). */
function fixAll(service: SurveyorLanguageService, document: TextDocument): TextDocument {
  for (let round = 0; round < 10; round++) {
    const edits = service.getFixAllEdits(document);
    if (edits.length === 0) break;
    const text = TextDocument.applyEdits(document, edits);
    document = TextDocument.create(document.uri, 'markdown', document.version + 1, text);
  }
  return document;
}
