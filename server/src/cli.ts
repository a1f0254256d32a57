import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import { DEFAULT_ARXIV_ENDPOINT, type SurveyorSettings } from '../../shared/settings';
import { findConfigFile, readConfigFile } from './configFile';
import { formatFindings, type CliFinding, type OutputFormat } from './cliFormat';
import { createMetadata, defaultCacheDir, type Metadata } from './metadata/setup';
import { resolveSettings, type SettingsLayer } from './service/configuration';
import { SurveyorLanguageService } from './service/languageService';
import { repositoryFilesOnDisk } from './repositoryFilesOnDisk';
import { NotWritten, readOnlyProblem, writeFileInPlace } from './writeFileInPlace';

/** How long a run waits in all, by default, when arXiv asks it to slow down (429/503). */
const DEFAULT_MAX_WAIT_S = 60;

const USAGE = `Usage: surveyor check [options] FILE...
       surveyor fetch [--endpoint URL] [--cache-dir DIR] [--max-wait SECONDS] FILE...

check: checks paper-survey READMEs and prints one line per finding:
  file:line:col severity code message
fetch: fills the arXiv metadata cache with every paper the files name.

Options:
  --fix              apply the safe fixes and write the files back
  --format FORMAT    text (default), json, or github (GitHub Actions annotations)
  --quiet            report warnings and errors only
  --online           fetch unknown papers from arXiv (progress on stderr) and
                     check titles against arXiv's (rule title-mismatch)
  --endpoint URL     the arXiv API (default ${DEFAULT_ARXIV_ENDPOINT})
  --cache-dir DIR    where the arXiv cache lives (default ${defaultCacheDir()})
  --max-wait SECONDS the longest to wait in all when arXiv asks to slow down
                     (default ${DEFAULT_MAX_WAIT_S}); papers not fetched by then are reported
  -h, --help         show this help

Only arXiv ids are sent, to the endpoint, with --online or fetch; nothing else
leaves the machine. Settings come from .surveyor.json in the file's folder or
above it (up to the repository root). Exit status: 0 no errors, 1 errors found
(fetch: some papers could not be fetched), 2 bad input, a file --fix could not
write, or an internal error.`;

interface Options {
  command: 'check' | 'fetch';
  files: string[];
  fix: boolean;
  format: OutputFormat;
  quiet: boolean;
  online: boolean;
  endpoint: string;
  cacheDir: string;
  maxWaitSeconds: number;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Options | 'help' {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help') return 'help';
  if (command !== 'check' && command !== 'fetch') throw new UsageError(`unknown command "${command}"`);
  const options: Options = { command, files: [], fix: false, format: 'text', quiet: false, online: command === 'fetch', endpoint: DEFAULT_ARXIV_ENDPOINT, cacheDir: defaultCacheDir(), maxWaitSeconds: DEFAULT_MAX_WAIT_S };
  const value = (i: number, name: string): [string, number] => {
    const arg = rest[i]!;
    const v = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : rest[i + 1];
    if (v === undefined || v === '') throw new UsageError(`${name} needs a value`);
    return [v, arg.includes('=') ? i : i + 1];
  };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const name = arg.split('=')[0]!;
    if (arg === '-h' || arg === '--help') return 'help';
    else if (command === 'check' && arg === '--fix') options.fix = true;
    else if (command === 'check' && arg === '--quiet') options.quiet = true;
    else if (command === 'check' && arg === '--online') options.online = true;
    else if (command === 'check' && name === '--format') {
      const [v, next] = value(i, name);
      if (v !== 'text' && v !== 'json' && v !== 'github') throw new UsageError(`--format takes text, json or github, not "${v}"`);
      options.format = v;
      i = next;
    } else if (name === '--endpoint') {
      const [v, next] = value(i, name);
      if (!/^https?:\/\/\S+$/i.test(v)) throw new UsageError(`--endpoint takes an http(s) URL, not "${v}"`);
      options.endpoint = v;
      i = next;
    } else if (name === '--cache-dir') {
      const [v, next] = value(i, name);
      options.cacheDir = path.resolve(v);
      i = next;
    } else if (name === '--max-wait') {
      const [v, next] = value(i, name);
      const seconds = Number(v);
      if (!/^\d+(?:\.\d+)?$/.test(v) || !Number.isFinite(seconds)) throw new UsageError(`--max-wait takes a number of seconds, not "${v}"`);
      options.maxWaitSeconds = seconds;
      i = next;
    } else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option "${arg}"`);
    else options.files.push(arg);
  }
  if (options.files.length === 0) throw new UsageError(`no files to ${command}`);
  return options;
}

interface Input {
  file: string;
  /** The bytes read, to check before a fix is written that the file has not changed since. */
  bytes: Buffer;
  text: string;
  bom: boolean;
}

/** Reads every input first, so that one bad file stops the run before anything is written. */
function readInputs(files: string[]): Input[] | string[] {
  const problems: string[] = [];
  const inputs: Input[] = [];
  for (const file of files) {
    let bytes: Buffer;
    try {
      const stat = fs.statSync(file);
      if (stat.isDirectory()) {
        problems.push(`${file}: is a directory; give the README files to check`);
        continue;
      }
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
  return problems.length > 0 ? problems : inputs;
}

function settingsFor(file: string, warn: (message: string) => void): SurveyorSettings {
  const layers: SettingsLayer[] = [];
  const configFile = findConfigFile(path.dirname(path.resolve(file)));
  if (configFile) {
    const read = readConfigFile(configFile);
    if ('layer' in read) layers.push(read.layer);
    else warn(read.problem);
  }
  const { settings, problems } = resolveSettings(layers);
  problems.forEach(warn);
  return settings;
}

function toCliFinding(file: string, d: Diagnostic): CliFinding {
  const severity = { [DiagnosticSeverity.Error]: 'error', [DiagnosticSeverity.Warning]: 'warning', [DiagnosticSeverity.Information]: 'info', [DiagnosticSeverity.Hint]: 'hint' } as const;
  return {
    file,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    severity: severity[d.severity ?? DiagnosticSeverity.Warning],
    code: String(d.code),
    message: typeof d.message === 'string' ? d.message : d.message.value,
  };
}

export async function main(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  let options: Options | 'help';
  try {
    options = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err(`surveyor: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (options === 'help') {
    out(USAGE);
    return 0;
  }
  const inputs = readInputs(options.files);
  if (typeof inputs[0] === 'string') {
    for (const problem of inputs as string[]) err(`surveyor: ${problem}`);
    return 2;
  }

  const settingsByUri = new Map<string, SurveyorSettings>();
  const metadata = options.online ? createMetadata(options.cacheDir, options.endpoint, (m) => err(`surveyor: ${m}`)) : undefined;
  const service = new SurveyorLanguageService({
    settings: { settingsFor: (uri) => settingsByUri.get(uri)! },
    logger: { log: (m) => err(`surveyor: ${m}`) },
    files: repositoryFilesOnDisk(),
    ...(metadata ? { metadata: metadata.store } : {}),
  });
  const documents = (inputs as Input[]).map(({ file, bytes, text, bom }) => {
    const uri = URI.file(path.resolve(file)).toString();
    const settings = settingsFor(file, (m) => err(`surveyor: warning: ${m}`));
    // Offline, titles are not compared with arXiv's: CI output must not depend on what a cache happens to hold.
    if (!metadata) settings.rules['title-mismatch'] = 'off';
    settingsByUri.set(uri, settings);
    return { file, bytes, text, bom, settings, document: TextDocument.create(uri, 'markdown', 0, text) };
  });

  if (metadata) {
    const ids = new Set<string>();
    for (const { file, text, settings, document } of documents) {
      // A file too large to check is not read for ids either (the check says so once).
      if (text.length > settings.maxFileSize * 1_000_000) err(`surveyor: ${file}: larger than maxFileSize (${settings.maxFileSize} MB); the papers it names are not fetched`);
      else for (const id of service.getArxivIds(document)) ids.add(id);
    }
    const cacheDays = Math.min(...documents.map(({ settings }) => settings.arxiv.cacheDays));
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
    return problem ? [`surveyor: ${file}: ${problem}, so --fix cannot write its fixes; make it writable or check it without --fix`] : [];
  });
  if (readOnly.length > 0) {
    readOnly.forEach((line) => err(line));
    return 2;
  }
  const findings: CliFinding[] = [];
  let unwritten = 0;
  for (const { file, bytes, text, bom, document: read, fixed } of checked) {
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
      findings.push(toCliFinding(file, d));
    }
  }
  const output = formatFindings(findings, options.format);
  if (output) out(output);
  if (unwritten > 0) return 2;
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}

/**
 * Fetches what the cache does not know, with progress and what could not be
 * fetched (and why) on stderr; returns a one-line summary and how many failed.
 */
async function fetchNamedPapers(metadata: Metadata, ids: string[], maxBackoffMs: number, err: (s: string) => void): Promise<{ summary: string; failed: number }> {
  const wanted = metadata.store.wanted(ids);
  if (wanted.length > 0) err(`surveyor: fetching arXiv metadata for ${papers(wanted.length)}`);
  const report = await metadata.store.fetch(wanted, { maxBackoffMs, onProgress: (done, total) => err(`surveyor: fetching arXiv metadata ${done}/${total}`) });
  const byReason = new Map<string, string[]>();
  for (const [id, reason] of report.failed) byReason.set(reason, [...(byReason.get(reason) ?? []), id]);
  for (const [reason, failed] of byReason) err(`surveyor: ${papers(failed.length)} could not be fetched (${reason}): ${listed(failed)}`);
  if (report.missing.length > 0) err(`surveyor: arXiv has no paper with the id ${listed(report.missing)}`);
  for (const [id, reason] of report.invalid) err(`surveyor: ${id} is not sent to arXiv: it cannot exist (${reason})`);
  const parts = [
    ids.length > wanted.length ? `${ids.length - wanted.length} fresh in the cache` : '',
    `${report.fetched.length} fetched from arXiv`,
    report.missing.length > 0 ? `${report.missing.length} not on arXiv` : '',
    report.invalid.size > 0 ? `${report.invalid.size} not valid arXiv ids` : '',
    report.failed.size > 0 ? `${report.failed.size} could not be fetched` : '',
  ].filter((part) => part !== '');
  const cache = report.saved ? `cache written: ${metadata.cacheFile}` : 'nothing written to the cache';
  return { summary: `${papers(ids.length)} named: ${parts.join(', ')}; ${cache}`, failed: report.failed.size };
}

function papers(n: number): string {
  return `${n} paper${n === 1 ? '' : 's'}`;
}

/** The first few ids, and how many more. */
function listed(ids: string[]): string {
  const shown = 5;
  return ids.length <= shown ? ids.join(', ') : `${ids.slice(0, shown).join(', ')} and ${ids.length - shown} more`;
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

if (require.main === module) {
  main(process.argv.slice(2), (s) => process.stdout.write(s + '\n'), (s) => process.stderr.write(s + '\n')).then(
    (status) => (process.exitCode = status),
    (error: unknown) => {
      process.stderr.write(`surveyor: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
