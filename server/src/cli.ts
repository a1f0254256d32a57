import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import type { SurveyorSettings } from '../../shared/settings';
import { findConfigFile, readConfigFile } from './configFile';
import { formatFindings, type CliFinding, type OutputFormat } from './cliFormat';
import { resolveSettings, type SettingsLayer } from './service/configuration';
import { SurveyorLanguageService } from './service/languageService';
import { writeFileAtomic } from './writeFileAtomic';

const USAGE = `Usage: surveyor check [options] FILE...

Checks paper-survey READMEs and prints one line per finding:
  file:line:col severity code message

Options:
  --fix              apply the safe fixes and write the files back
  --format FORMAT    text (default), json, or github (GitHub Actions annotations)
  --quiet            report warnings and errors only
  -h, --help         show this help

Settings come from .surveyor.json in the file's folder or above it (up to the
repository root). Exit status: 0 no errors, 1 errors found, 2 bad input or an
internal error.`;

interface Options {
  files: string[];
  fix: boolean;
  format: OutputFormat;
  quiet: boolean;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Options | 'help' {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help') return 'help';
  if (command !== 'check') throw new UsageError(`unknown command "${command}"`);
  const options: Options = { files: [], fix: false, format: 'text', quiet: false };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--fix') options.fix = true;
    else if (arg === '--quiet') options.quiet = true;
    else if (arg === '-h' || arg === '--help') return 'help';
    else if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : rest[++i];
      if (value !== 'text' && value !== 'json' && value !== 'github') throw new UsageError(`--format takes text, json or github, not "${value ?? ''}"`);
      options.format = value;
    } else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option "${arg}"`);
    else options.files.push(arg);
  }
  if (options.files.length === 0) throw new UsageError('no files to check');
  return options;
}

/** Reads every input first, so that one bad file stops the run before anything is written. */
function readInputs(files: string[]): { file: string; text: string }[] | string[] {
  const problems: string[] = [];
  const inputs: { file: string; text: string }[] = [];
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
      inputs.push({ file, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) });
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

export function main(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
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
  const service = new SurveyorLanguageService({
    settings: { settingsFor: (uri) => settingsByUri.get(uri)! },
    logger: { log: (m) => err(`surveyor: ${m}`) },
  });
  const findings: CliFinding[] = [];
  for (const { file, text } of inputs as { file: string; text: string }[]) {
    const uri = URI.file(path.resolve(file)).toString();
    settingsByUri.set(uri, settingsFor(file, (m) => err(`surveyor: warning: ${m}`)));
    let document = TextDocument.create(uri, 'markdown', 0, text);
    if (options.fix) {
      document = fixAll(service, document);
      if (document.getText() !== text) {
        writeFileAtomic(file, document.getText());
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
  let status: number;
  try {
    status = main(process.argv.slice(2), (s) => process.stdout.write(s + '\n'), (s) => process.stderr.write(s + '\n'));
  } catch (error) {
    process.stderr.write(`surveyor: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    status = 2;
  }
  process.exitCode = status;
}
