import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import { DEFAULT_ARXIV_ENDPOINT, type SurveyorSettings } from '../../shared/settings';
import { findConfigFile, readConfigFile } from './configFile';
import { formatFindings, type CliFinding, type OutputFormat } from './cliFormat';
import { CACHE_FILE_NAME, createMetadata, defaultCacheDir, type Metadata } from './metadata/setup';
import { resolveSettings, type SettingsLayer } from './service/configuration';
import { SurveyorLanguageService } from './service/languageService';
import { repositoryFilesOnDisk } from './repositoryFilesOnDisk';
import { writeFileAtomic } from './writeFileAtomic';

const USAGE = `Usage: surveyor check [options] FILE...
       surveyor fetch [--endpoint URL] [--cache-dir DIR] FILE...

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
  -h, --help         show this help

Only arXiv ids are sent, to the endpoint, with --online or fetch; nothing else
leaves the machine. Settings come from .surveyor.json in the file's folder or
above it (up to the repository root). Exit status: 0 no errors, 1 errors found
(fetch: some papers could not be fetched), 2 bad input or an internal error.`;

interface Options {
  command: 'check' | 'fetch';
  files: string[];
  fix: boolean;
  format: OutputFormat;
  quiet: boolean;
  online: boolean;
  endpoint: string;
  cacheDir: string;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Options | 'help' {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help') return 'help';
  if (command !== 'check' && command !== 'fetch') throw new UsageError(`unknown command "${command}"`);
  const options: Options = { command, files: [], fix: false, format: 'text', quiet: false, online: command === 'fetch', endpoint: DEFAULT_ARXIV_ENDPOINT, cacheDir: defaultCacheDir() };
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
    } else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option "${arg}"`);
    else options.files.push(arg);
  }
  if (options.files.length === 0) throw new UsageError(`no files to ${command}`);
  return options;
}

/** Reads every input first, so that one bad file stops the run before anything is written. */
function readInputs(files: string[]): { file: string; text: string; bom: boolean }[] | string[] {
  const problems: string[] = [];
  const inputs: { file: string; text: string; bom: boolean }[] = [];
  for (const file of files) {
    let bytes: Buffer;
    try {
      if (fs.statSync(file).isDirectory()) {
        problems.push(`${file}: is a directory; give the README files to check`);
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
      inputs.push({ file, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), bom });
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
  const documents = (inputs as { file: string; text: string; bom: boolean }[]).map(({ file, text, bom }) => {
    const uri = URI.file(path.resolve(file)).toString();
    const settings = settingsFor(file, (m) => err(`surveyor: warning: ${m}`));
    // Offline, titles are not compared with arXiv's: CI output must not depend on what a cache happens to hold.
    if (!metadata) settings.rules['title-mismatch'] = 'off';
    settingsByUri.set(uri, settings);
    return { file, text, bom, document: TextDocument.create(uri, 'markdown', 0, text) };
  });

  if (metadata) {
    const ids = [...new Set(documents.flatMap(({ document }) => service.getArxivIds(document)))];
    const cacheDays = Math.min(...documents.map(({ document }) => settingsByUri.get(document.uri)!.arxiv.cacheDays));
    metadata.store.configure(metadata.client, cacheDays);
    const failed = await fetchWithProgress(metadata, ids, err);
    if (options.command === 'fetch') {
      const known = ids.filter((id) => metadata.store.lookup(id).kind === 'known').length;
      out(`${known} of ${ids.length} papers known; cache: ${path.join(options.cacheDir, CACHE_FILE_NAME)}`);
      return failed > 0 ? 1 : 0;
    }
  }

  const findings: CliFinding[] = [];
  for (let { file, text, bom, document } of documents) {
    if (options.fix) {
      document = fixAll(service, document);
      if (document.getText() !== text) {
        writeFileAtomic(file, (bom ? '\ufeff' : '') + document.getText());
        err(`surveyor: fixed ${file}`);
      }
    }
    for (const d of service.getDiagnostics(document)) {
      if (options.quiet && d.severity !== DiagnosticSeverity.Error && d.severity !== DiagnosticSeverity.Warning) continue;
      findings.push(toCliFinding(file, d));
    }
  }
  const output = formatFindings(findings, options.format);
  if (output) out(output);
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}

/** Fetches what the cache does not know, with a progress line on stderr; returns how many could not be fetched. */
async function fetchWithProgress(metadata: Metadata, ids: string[], err: (s: string) => void): Promise<number> {
  const wanted = metadata.store.wanted(ids);
  if (wanted.length === 0) return 0;
  err(`surveyor: fetching arXiv metadata for ${wanted.length} papers`);
  await metadata.store.fetch(wanted, (done, total) => err(`surveyor: fetching arXiv metadata ${done}/${total}`));
  const failed = wanted.filter((id) => metadata.store.lookup(id).kind === 'unknown').length;
  if (failed > 0) err(`surveyor: ${failed} papers could not be fetched; their titles are not checked`);
  return failed;
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
