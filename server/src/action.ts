/**
 * The GitHub Action (action.yml → dist/action.js): `surveyor check` on the
 * action's inputs, with annotations (`--format github`), the job summary
 * (`$GITHUB_STEP_SUMMARY`) and, in a pull request, the findings on the
 * lines it changed first (`--changed-since` its base commit). It speaks
 * GitHub's environment-variable protocol directly: `INPUT_*` for the inputs,
 * the event file for the base, the exit code for the outcome.
 */

import * as fs from 'node:fs';
import { escapeData } from './cliFormat';
import { main } from './cliMain';
import { runAsProcess } from './cliProcess';
import { withoutControls } from './untrustedText';

/** Error annotations for a run that could not check; past this many, the last says how many more the log has. */
export const MAX_ERROR_ANNOTATIONS = 10;

/** An input as the runner passes it: `INPUT_` and the name in capitals, hyphens kept. */
function input(name: string, env: NodeJS.ProcessEnv): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** The base commit of a pull request, from the event that started the workflow; none for a push or anything else. */
export function pullRequestBase(env: NodeJS.ProcessEnv, warn: (s: string) => void): string | undefined {
  const eventPath = env.GITHUB_EVENT_PATH;
  if (!eventPath) return undefined;
  let event: unknown;
  try {
    event = JSON.parse(fs.readFileSync(eventPath, 'utf8'));
  } catch (error) {
    warn(`::warning title=Surveyor::the event file ${eventPath} could not be read (${(error as NodeJS.ErrnoException).code ?? 'not JSON'}); all findings are reported as if on a push`);
    return undefined;
  }
  const sha = (event as { pull_request?: { base?: { sha?: unknown } } } | null)?.pull_request?.base?.sha;
  return typeof sha === 'string' && /^[0-9a-f]{40,64}$/i.test(sha) ? sha : undefined;
}

/**
 * The `::error` annotations for a run that could not check (bad input, bad
 * configuration), so that the pull request says why: one per `surveyor:` line,
 * since the reason may be any of them (an invalid config's last line only
 * says to fix the file).
 */
export function failureAnnotations(stderrLines: readonly string[]): string[] {
  const reasons = stderrLines.filter((line) => line.startsWith('surveyor: '));
  const shown = reasons.length > MAX_ERROR_ANNOTATIONS ? [...reasons.slice(0, MAX_ERROR_ANNOTATIONS - 1), `surveyor: and ${reasons.length - MAX_ERROR_ANNOTATIONS + 1} more (the log lists them all)`] : reasons;
  return shown.map((reason) => `::error title=Surveyor::${escapeData(withoutControls(reason))}`);
}

/** The `surveyor check` command line the inputs and the event stand for. */
export function actionArgs(env: NodeJS.ProcessEnv, warn: (s: string) => void): string[] {
  // One file, folder or glob per line, as markdownlint-cli2-action takes its globs: a path may hold spaces.
  const files = input('files', env).split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const args = ['check', '--format', 'github', '--fail-on', input('fail-on', env) || 'warning'];
  const maxWarnings = input('max-warnings', env);
  if (maxWarnings !== '') args.push('--max-warnings', maxWarnings);
  const config = input('config', env);
  if (config !== '') args.push('--config', config);
  if (/^true$/i.test(input('online', env))) args.push('--online');
  const base = pullRequestBase(env, warn);
  if (base) args.push('--changed-since', base);
  if (env.GITHUB_STEP_SUMMARY) args.push('--summary', env.GITHUB_STEP_SUMMARY);
  return [...args, '--', ...(files.length > 0 ? files : ['README.md'])];
}

if (require.main === module) {
  runAsProcess(async (out, err) => {
    const lines: string[] = [];
    const status = await main(actionArgs(process.env, out), out, (s) => {
      lines.push(s);
      err(s);
    });
    if (status === 2) failureAnnotations(lines).forEach(out);
    return status;
  });
}
