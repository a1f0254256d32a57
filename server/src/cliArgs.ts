/** `surveyor`'s command line: the options, their checks, and the usage text. */

import * as path from 'node:path';
import { distance } from 'fastest-levenshtein';
import { DEFAULT_ARXIV_ENDPOINT } from '../../shared/settings';
import type { OutputFormat } from './cliFormat';
import { defaultCacheDir } from './metadata/cacheOnDisk';
import { FAIL_ON_LEVELS, type FailOn } from './cliExitStatus';
import { UsageError } from './cliErrors';

/** How long a run waits in all, by default, when arXiv asks it to slow down (429/503). */
export const DEFAULT_MAX_WAIT_S = 60;

export const USAGE = `Usage: surveyor check [options] FILE|DIR|GLOB...
       surveyor fetch [--endpoint URL] [--cache-dir DIR] [--max-wait SECONDS] FILE|DIR|GLOB...

check: checks paper-survey READMEs and prints one line per finding:
  file:line:col severity code message
  and a summary line on stderr. A folder stands for its survey files (those
  its .surveyor.json's "files" names; README.md in any folder by default),
  skipping .git, node_modules and other dot-folders. Quote globs
  ("docs/**/*.md") so that Surveyor expands them.
fetch: fills the arXiv metadata cache with every paper the files name.

Options:
  --fix                apply the safe fixes and write the files back
  --format FORMAT      text (default), json, github (GitHub Actions annotations)
                       or sarif (SARIF 2.1.0, for code scanning)
  --quiet              report warnings and errors only
  --fail-on LEVEL      exit 1 on a finding at LEVEL or above: error, warning
                       (default), info or hint
  --max-warnings N     up to N warnings do not fail the run (errors still do)
  --config FILE        use this .surveyor.json for every file instead of the
                       one found beside or above each file
  --changed-since REF  mark and list first the findings on lines changed since
                       the git commit REF (git diff REF)
  --summary FILE       append a Markdown summary (for $GITHUB_STEP_SUMMARY)
  --online             fetch unknown papers from arXiv (progress on stderr);
                       offline, metadata comes from the bundled snapshot only
  --cached             read the arXiv cache (filled by fetch or --online) and
                       the snapshot, and fetch nothing (for CI with a restored cache)
  --endpoint URL       the arXiv API (default ${DEFAULT_ARXIV_ENDPOINT})
  --cache-dir DIR      where the arXiv cache lives (default ${defaultCacheDir()});
                       read only with --online, --cached or fetch, written only
                       with --online or fetch
  --max-wait SECONDS   the longest to wait in all when arXiv asks to slow down
                       (default ${DEFAULT_MAX_WAIT_S}); papers not fetched by then are reported
  -h, --help           show this help
  -v, --version        show Surveyor's version

Only arXiv ids are sent, to the endpoint, with --online or fetch; nothing else
leaves the machine. The summary line counts the papers without arXiv metadata.
Settings come from .surveyor.json in the file's folder or above it (up to the
repository root); an invalid one stops the run.
Exit status: 0 no finding at --fail-on level (and warnings within
--max-warnings); 1 findings that fail the run (fetch: some papers could not be
fetched); 2 bad usage, an invalid .surveyor.json, a file that cannot be read
or written, or an internal error.`;

export interface Options {
  command: 'check' | 'fetch';
  /** Files, folders and globs, as given. */
  inputs: string[];
  fix: boolean;
  format: OutputFormat;
  quiet: boolean;
  failOn: FailOn;
  /** Undefined: the default, which depends on `failOn`. */
  maxWarnings: number | undefined;
  config: string | undefined;
  changedSince: string | undefined;
  summary: string | undefined;
  online: boolean;
  /** Read the cache (and the snapshot) without fetching. */
  cached: boolean;
  endpoint: string;
  cacheDir: string;
  maxWaitSeconds: number;
}

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'github', 'sarif'];

/** The options each command takes (the flags without a value, and those with one). */
const FLAGS = { check: ['--fix', '--quiet', '--online', '--cached'], fetch: [] as string[] };
const VALUED = {
  check: ['--format', '--fail-on', '--max-warnings', '--config', '--changed-since', '--summary', '--endpoint', '--cache-dir', '--max-wait'],
  fetch: ['--config', '--endpoint', '--cache-dir', '--max-wait'],
};
const ALWAYS = ['--help', '--version'];

export function parseArgs(argv: string[]): Options | 'help' | 'version' {
  if (argv.some((arg) => arg === '-h' || arg === '--help')) return 'help';
  if (argv.some((arg) => arg === '-v' || arg === '--version')) return 'version';
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError('no command given');
  if (command !== 'check' && command !== 'fetch') {
    const hint = command.startsWith('-') ? '' : suggestion(command, ['check', 'fetch']);
    throw new UsageError(`unknown command "${command}"${hint || ' (the commands are check and fetch)'}`);
  }
  const options: Options = {
    command,
    inputs: [],
    fix: false,
    format: 'text',
    quiet: false,
    failOn: 'warning',
    maxWarnings: undefined,
    config: undefined,
    changedSince: undefined,
    summary: undefined,
    online: command === 'fetch',
    cached: false,
    endpoint: DEFAULT_ARXIV_ENDPOINT,
    cacheDir: defaultCacheDir(),
    maxWaitSeconds: DEFAULT_MAX_WAIT_S,
  };
  let onlyInputs = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (onlyInputs || arg === '-' || !arg.startsWith('-')) {
      options.inputs.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyInputs = true;
      continue;
    }
    const name = arg.includes('=') ? arg.slice(0, arg.indexOf('=')) : arg;
    if (FLAGS[command].includes(arg)) {
      if (arg === '--fix') options.fix = true;
      else if (arg === '--quiet') options.quiet = true;
      else if (arg === '--cached') options.cached = true;
      else options.online = true;
      continue;
    }
    if (!VALUED[command].includes(name)) {
      const known = [...FLAGS[command], ...VALUED[command], ...ALWAYS];
      const other = command === 'check' ? 'fetch' : 'check';
      const elsewhere = [...FLAGS[other], ...VALUED[other]].includes(name) ? ` (${name} is an option of surveyor ${other})` : '';
      throw new UsageError(`unknown option "${arg}"${elsewhere || suggestion(name, known)}`);
    }
    let value: string | undefined;
    if (arg.includes('=')) value = arg.slice(arg.indexOf('=') + 1);
    else value = rest[++i];
    if (value === undefined || value === '') throw new UsageError(`${name} needs a value`);
    applyValued(options, name, value);
  }
  if (options.online && options.cached) throw new UsageError('--online and --cached together: --online reads the cache too, and fetches what it lacks; give one');
  if (options.inputs.length === 0) throw new UsageError(`no files to ${command}`);
  return options;
}

function applyValued(options: Options, name: string, v: string): void {
  switch (name) {
    case '--format':
      if (!FORMATS.includes(v as OutputFormat)) throw new UsageError(`--format takes ${FORMATS.join(', ')}, not "${v}"`);
      options.format = v as OutputFormat;
      return;
    case '--fail-on':
      if (!FAIL_ON_LEVELS.includes(v as FailOn)) throw new UsageError(`--fail-on takes ${FAIL_ON_LEVELS.join(', ')}, not "${v}"`);
      options.failOn = v as FailOn;
      return;
    case '--max-warnings':
      // eslint takes -1 for "no limit"; so does Surveyor, for a workflow that passes the input through.
      if (!/^(?:\d{1,9}|-1)$/.test(v)) throw new UsageError(`--max-warnings takes a number of warnings (0 or more, or -1 for no limit), not "${v}"`);
      options.maxWarnings = Number(v) < 0 ? Infinity : Number(v);
      return;
    case '--config':
      options.config = path.resolve(v);
      return;
    case '--changed-since':
      options.changedSince = v;
      return;
    case '--summary':
      options.summary = path.resolve(v);
      return;
    case '--endpoint':
      if (!/^https?:\/\/\S+$/i.test(v)) throw new UsageError(`--endpoint takes an http(s) URL, not "${v}"`);
      options.endpoint = v;
      return;
    case '--cache-dir':
      options.cacheDir = path.resolve(v);
      return;
    case '--max-wait': {
      const seconds = Number(v);
      if (!/^\d+(?:\.\d+)?$/.test(v) || !Number.isFinite(seconds)) throw new UsageError(`--max-wait takes a number of seconds, not "${v}"`);
      options.maxWaitSeconds = seconds;
      return;
    }
  }
}

/** ` (did you mean --fix?)` when one known word is a slip away, else nothing. */
function suggestion(word: string, known: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = distance(word.toLowerCase(), candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  // Two edits catch a swap (--fxi) and a missing or doubled letter; more would suggest nonsense for short words.
  return best !== undefined && bestDistance <= 2 && bestDistance < word.length / 2 ? ` (did you mean ${best}?)` : '';
}
