/**
 * `npm run test:vscode-web`: the web suite (test/vscode/suite/webIndex.ts) in
 * code-server's web worker extension host, on a workspace that exists only on
 * a memory file system:
 *
 *   1. installs what is missing (cached: see codeServer.ts);
 *   2. packages a test build of Surveyor whose manifest has only the `browser`
 *      entry, and the test-only web runner extension (test/vscode/webRunner/),
 *      and installs both;
 *   3. serves, on a loopback port of its own, the survey (GET /survey) and a
 *      place for the results (POST /results): the runner, in the browser,
 *      fetches the survey into its memory file system, runs the suite and
 *      posts what it found;
 *   4. opens the workbench on `surveyor-memfs:/survey` in Debian's chromium
 *      with playwright-core, waits for the results, prints a mocha-style
 *      summary and exits non-zero on any failure or timeout.
 *
 * How it makes sure the suite tests the web host and not Node's: neither
 * extension has a `main`, so code-server can run them nowhere but in the web
 * worker extension host (an extension with both entries would run in Node's
 * host, as on the desktop); the suite checks from inside that `process` is
 * undefined, `importScripts` is a function, `vscode.env.uiKind` is Web, the
 * workspace folder is on the memory file system and Surveyor is active there;
 * and this launcher checks that no Surveyor Node server process ran.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, ensureCodeServer, ensureDebianPackages, ensureNode24, freePort, installExtension, openWorkbench, startCodeServer } from './codeServer';
import type { SuiteResults } from './suite/results';
import { MEMORY_SCHEME } from './suite/webWorkspace';
import { REFERENCE, surveyWithGap } from './surveyWithGap';
import { feed } from '../support/fakeArxiv';
import { HARNESS_PAPER } from './suite/harnessPaper';

const ROOT = path.resolve(__dirname, '..', '..');
const VSCE = path.join(ROOT, 'node_modules', '.bin', 'vsce');
const SUITE_TIMEOUT_MS = 10 * 60_000;
const WORKSPACE = `${MEMORY_SCHEME}:/survey`;

function step(message: string): void {
  process.stderr.write(`[vscode-web-tests] ${message}\n`);
}

function npm(args: string[]): void {
  execFileSync('npm', args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
}

function vscePackage(dir: string, vsix: string): string {
  execFileSync(VSCE, ['package', '--no-dependencies', '--no-rewrite-relative-links', '--allow-missing-repository', '--out', vsix], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
  return vsix;
}

/**
 * What `npm run package` packs (package.json `files`, and the README vsce adds), copied into `dir`
 * with a manifest that has no `main` (nor the scripts that would build again there), packaged.
 */
function packageWebOnlySurveyor(dir: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown> & { files: string[]; browser?: string };
  if (!manifest.browser) throw new Error('package.json has no browser entry');
  for (const entry of [...manifest.files, 'README.md']) {
    if (entry.endsWith('/')) {
      fs.cpSync(path.join(ROOT, entry), path.join(dir, entry), { recursive: true });
    } else if (entry.includes('*')) {
      // Only the form `files` uses: a folder, then `*.ext`.
      const folder = path.dirname(entry);
      const ext = path.basename(entry).replace(/^\*/, '');
      fs.mkdirSync(path.join(dir, folder), { recursive: true });
      for (const name of fs.readdirSync(path.join(ROOT, folder)).filter((n) => n.endsWith(ext))) fs.copyFileSync(path.join(ROOT, folder, name), path.join(dir, folder, name));
    } else {
      if (!fs.existsSync(path.join(ROOT, entry))) throw new Error(`${entry} (in package.json files) is not built`);
      fs.mkdirSync(path.join(dir, path.dirname(entry)), { recursive: true });
      fs.copyFileSync(path.join(ROOT, entry), path.join(dir, entry));
    }
  }
  const { main: _main, scripts: _scripts, devDependencies: _devDependencies, ...webOnly } = manifest;
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(webOnly, null, 2));
  return vscePackage(dir, path.join(path.dirname(dir), 'surveyor-web-only.vsix'));
}

function packageWebRunner(): string {
  const dir = path.join(ROOT, 'dist-test', 'web-runner');
  fs.writeFileSync(path.join(dir, 'README.md'), "# Surveyor web test runner\n\nRuns Surveyor's web suite in code-server's web worker extension host. Test-only; never shipped.\n");
  return vscePackage(dir, path.join(ROOT, 'dist-test', 'surveyor-web-test-runner.vsix'));
}

/** The launcher's side of the conversation with the web runner: it hands over the survey and takes the results. */
function startHarness(survey: string): Promise<{ url: string; results: Promise<SuiteResults>; close(): void }> {
  let deliver!: (results: SuiteResults) => void;
  const results = new Promise<SuiteResults>((resolve) => (deliver = resolve));
  // The runner's origin is code-server's, another port: it may read these answers only with CORS headers.
  const cors = { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': 'content-type' };
  const server = http.createServer((request, response) => {
    if (request.method === 'GET' && request.url === '/survey') {
      response.writeHead(200, { ...cors, 'content-type': 'text/markdown; charset=utf-8' }).end(survey);
    } else if (request.method === 'POST' && request.url === '/results') {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        response.writeHead(204, cors).end();
        deliver(JSON.parse(Buffer.concat(chunks).toString('utf8')) as SuiteResults);
      });
    } else if (request.method === 'GET' && request.url?.startsWith('/api/query?')) {
      // arXiv's API as it would answer a web page if it allowed one (with CORS headers): the suite's one paper, nothing else.
      const ids = new URL(request.url, 'http://harness').searchParams.get('id_list')?.split(',') ?? [];
      const papers = ids.includes(HARNESS_PAPER.id) ? [{ ...HARNESS_PAPER, authors: [...HARNESS_PAPER.authors] }] : [];
      response.writeHead(200, { ...cors, 'content-type': 'application/atom+xml; charset=utf-8' }).end(feed(papers));
    } else if (request.method === 'GET' && request.url?.startsWith('/blocked/api/query?')) {
      // As arXiv's API answers a web page today: without CORS headers, so the browser keeps the answer from the page.
      response.writeHead(200, { 'content-type': 'application/atom+xml; charset=utf-8' }).end(feed([]));
    } else if (request.method === 'OPTIONS') {
      response.writeHead(204, cors).end();
    } else {
      response.writeHead(404, cors).end();
    }
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as import('node:net').AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}`, results, close: () => server.close() });
    });
  });
}

/** Surveyor Node servers (dist/server.js) started from the test's extensions folder: there must be none. */
function nodeServersOf(extensions: string): number[] {
  const found: number[] = [];
  for (const entry of fs.readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      const args = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (args.some((a) => a.startsWith(extensions) && a.endsWith(`${path.sep}dist${path.sep}server.js`))) found.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}

/** The browser's console, the extension host worker's included, kept for the report of a failure. */
function recordConsole(page: Page, lines: string[]): void {
  page.on('console', (message) => lines.push(`[${message.type()}] ${message.text()}${message.type() === 'error' && message.location().url ? ` (${message.location().url})` : ''}`));
  page.on('pageerror', (error) => lines.push(`[pageerror] ${error.stack ?? error.message}`));
  page.on('worker', (worker) => {
    lines.push(`[worker] started ${worker.url()}`);
    worker.on('close', () => lines.push(`[worker] closed ${worker.url()}`));
  });
}

/** After a failure: the errors the browser logged (the web worker extension host's included), and where the rest is. */
function reportConsole(lines: string[], consoleLog: string, log: string): void {
  // Left out: the gallery (offline here) and VS Code's signing module vsda, which code-server does not ship.
  const errors = lines.filter((l) => /^\[(error|pageerror)\]/.test(l) && !l.includes('open-vsx.org') && !l.includes('ERR_NAME_NOT_RESOLVED') && !l.includes('/vsda/'));
  if (errors.length > 0) step(`errors in the browser console (last 20 of ${errors.length}):\n${errors.slice(-20).join('\n')}`);
  step(`the whole browser console is in ${consoleLog}; code-server's log in ${log}`);
}

function summary(results: SuiteResults, extra: string[]): number {
  const out: string[] = ['', "  Surveyor's web extension in code-server's web worker extension host"];
  for (const pass of results.passes) out.push(`    ✔ ${pass.title} (${pass.durationMs}ms)`);
  for (const pending of results.pending ?? []) out.push(`    - ${pending.title}`);
  results.failures.forEach((failure, i) => out.push(`    ${i + 1}) ${failure.title}`));
  extra.forEach((problem, i) => out.push(`    ${results.failures.length + i + 1}) ${problem.slice(0, 120)}`));
  const failing = results.failures.length + extra.length;
  out.push('', `  ${results.passes.length} passing`);
  if (results.pending?.length) out.push(`  ${results.pending.length} pending`);
  if (failing > 0) out.push(`  ${failing} failing`);
  results.failures.forEach((failure, i) => out.push('', `  ${i + 1}) ${failure.title}:`, `     ${failure.stack || failure.message}`));
  extra.forEach((problem, i) => out.push('', `  ${results.failures.length + i + 1}) ${problem}`));
  process.stdout.write(out.join('\n') + '\n');
  return failing > 0 || results.passes.length === 0 ? 1 : 0;
}

function timeout<T>(ms: number, what: string): Promise<T> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(`${what} within ${ms / 60_000} minutes`)), ms).unref());
}

async function main(): Promise<number> {
  if (!fs.existsSync(REFERENCE)) throw new Error(`the reference survey is not at ${REFERENCE}`);
  ensureDebianPackages();
  ensureNode24();
  ensureCodeServer();
  const started = Date.now();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'surveyor-vscode-web-'));
  step('building the production bundles, a web-only surveyor .vsix and the web test runner');
  npm(['run', 'build:production', '--silent']);
  npm(['run', 'build:vscode-tests', '--silent']);
  const surveyorVsix = packageWebOnlySurveyor(path.join(tmp, 'surveyor-web-only'));
  const runnerVsix = packageWebRunner();

  const harness = await startHarness(surveyWithGap());
  const userData = path.join(tmp, 'user-data');
  const extensions = path.join(tmp, 'extensions');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(userData, 'User', 'settings.json'),
    JSON.stringify({
      'surveyor.arxiv.online': false, // offline: hover and Insert Paper from the bundled snapshot
      'surveyorWebTests.harness': harness.url,
      'workbench.startupEditor': 'none',
      'telemetry.telemetryLevel': 'off',
      'extensions.autoUpdate': false,
      'workbench.tips.enabled': false,
      'security.workspace.trust.startupPrompt': 'never',
      'chat.disableAIFeatures': true,
    }),
  );
  step('installing the extensions');
  installExtension(surveyorVsix, userData, extensions);
  installExtension(runnerVsix, userData, extensions);

  const port = await freePort();
  const log = path.join(tmp, 'code-server.log');
  const consoleLog = path.join(tmp, 'browser-console.log');
  step(`starting code-server on 127.0.0.1:${port} (log: ${log})`);
  const server = startCodeServer(port, userData, extensions, undefined, {}, log);
  let exited = false;
  const exit = new Promise<never>((_, reject) => server.on('exit', () => ((exited = true), reject(new Error(`code-server exited before the suite finished (log: ${log})`)))));
  exit.catch(() => undefined); // also when it ends because this launcher stops it
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const consoleLines: string[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    recordConsole(page, consoleLines);
    await openWorkbench(page, port, WORKSPACE, log, () => !exited);
    step(`the workbench is open on ${WORKSPACE}; the suite runs in the web worker extension host`);
    const results = await Promise.race([harness.results, exit, timeout<never>(SUITE_TIMEOUT_MS, 'the web runner posted no results')]);
    const extra: string[] = [];
    const nodeServers = nodeServersOf(extensions);
    if (nodeServers.length > 0) extra.push(`a Surveyor Node server runs (pids ${nodeServers.join(', ')}): the extension is not in the web worker host alone`);
    const status = summary(results, extra);
    step(`${((Date.now() - started) / 1000).toFixed(0)} s after the installs were checked`);
    if (status !== 0) reportConsole(consoleLines, consoleLog, log);
    return status;
  } catch (error) {
    reportConsole(consoleLines, consoleLog, log);
    throw error;
  } finally {
    fs.writeFileSync(consoleLog, consoleLines.join('\n') + '\n');
    await browser.close();
    harness.close();
    if (!exited && server.pid) process.kill(-server.pid, 'SIGTERM');
  }
}

main().then(
  (status) => (process.exitCode = status),
  (error: unknown) => {
    process.stderr.write(`[vscode-web-tests] ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
