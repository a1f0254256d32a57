/**
 * Runs the VS Code suite in code-server (a real VS Code served to a browser),
 * for machines that cannot download desktop VS Code:
 *
 *   1. installs what is missing (cached: see codeServer.ts);
 *   2. packages surveyor.vsix and a test-only runner extension, installs both;
 *   3. starts code-server on an untrusted copy of the reference survey and
 *      opens it in Debian's chromium with playwright-core; the runner runs the
 *      suite in the extension host and writes the results to a file;
 *   4. takes screenshots as a person sees them (Problems panel, hover, outline,
 *      completion) and checks that the hover widget shows the paper's title;
 *   5. prints a mocha-style summary and exits non-zero on any failure.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import type { SuiteResults } from './suite/index';
import { CHROMIUM, CHROMIUM_ARGS, ensureCodeServer, ensureDebianPackages, ensureNode24, freePort, installExtension, openWorkbench, startCodeServer } from './codeServer';
import { REFERENCE, writeSurveyFolder } from './surveyWithGap';

const ROOT = path.resolve(__dirname, '..', '..');
const SCREENSHOTS = path.join(ROOT, 'screenshots');
const SUITE_TIMEOUT_MS = 10 * 60_000;
const PAPER_TITLE = 'Deep Transformer based Data Augmentation with Subword Units for Morphologically Rich Online ASR';

function step(message: string): void {
  process.stderr.write(`[vscode-tests] ${message}\n`);
}

function npm(args: string[], cwd = ROOT): void {
  execFileSync('npm', args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
}

function packageRunner(): string {
  const dir = path.join(ROOT, 'dist-test', 'runner');
  fs.writeFileSync(path.join(dir, 'README.md'), '# Surveyor test runner\n\nRuns the VS Code suite inside code-server. Test-only; never shipped.\n');
  const vsix = path.join(ROOT, 'dist-test', 'surveyor-test-runner.vsix');
  execFileSync(path.join(ROOT, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--allow-missing-repository', '--out', vsix], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
  return vsix;
}

async function waitForFile(file: string, timeoutMs: number, alive: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!fs.existsSync(file)) {
    if (!alive()) throw new Error('code-server exited before the suite finished');
    if (Date.now() > deadline) throw new Error(`the suite did not finish within ${timeoutMs / 60_000} minutes`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Screenshots as a person sees the editor, and the hover widget's text checked in the DOM. */
async function screenshots(page: Page, workspace: string): Promise<string[]> {
  const problems: string[] = [];
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.locator('.markers-panel').first().waitFor({ state: 'visible', timeout: 30_000 });
  await page.locator('.markers-panel .monaco-list-row').first().waitFor({ timeout: 30_000 });
  await page.screenshot({ path: path.join(SCREENSHOTS, 'problems.png') });

  const link = page.locator('.view-line span', { hasText: '2007.06949' }).first();
  await link.waitFor({ timeout: 30_000 });
  const hover = page.locator('.monaco-hover:not(.hidden)').filter({ hasText: 'Listed in' }).first();
  // As a person would: if no hover opens (the pointer arrived while the editor was busy), move away and back.
  for (let attempt = 1; ; attempt++) {
    await page.mouse.move(5, 5);
    await link.hover();
    try {
      await hover.waitFor({ state: 'visible', timeout: 15_000 });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
  const text = await hover.innerText();
  if (!text.includes(PAPER_TITLE)) problems.push(`the hover widget does not show the paper's title; it shows: ${text.slice(0, 300)}`);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'hover.png') });
  await page.keyboard.press('Escape');

  await runCommand(page, 'Explorer: Focus on Outline View');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 30_000 });
  // Give the outline the side bar's height: fold the folder's own section. The outline follows the
  // cursor (on an entry of "Generated content-based approaches"), so the survey's tree opens down to it.
  await page.locator('.pane-header', { hasText: /^survey$/i }).first().click();
  await page.locator('.outline-pane .monaco-list-row').nth(8).waitFor({ timeout: 30_000 });
  await page.screenshot({ path: path.join(SCREENSHOTS, 'outline.png') });

  // A new "#### " heading under "### Computer Vision": the category completion.
  // The blank line after the last entry of "#### Object detection", which ends "### Computer Vision".
  const lines = fs.readFileSync(path.join(workspace, 'README.md'), 'utf8').split('\n');
  const lastEntry = lines.map((l) => l.includes('Diffusion-based Data Augmentation for Object Counting Problems')).lastIndexOf(true);
  await page.locator('.monaco-editor textarea').first().focus();
  await page.keyboard.press('Control+G');
  await page.keyboard.type(String(lastEntry + 2));
  await page.keyboard.press('Enter');
  await page.keyboard.press('Home');
  await page.keyboard.type('#### ');
  const suggest = page.locator('.suggest-widget.visible').first();
  await suggest.filter({ hasText: 'Image classification' }).waitFor({ state: 'visible', timeout: 30_000 }).catch(async () => {
    // As a person would: close what opened and ask for suggestions at the cursor.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Space');
    await suggest.waitFor({ state: 'visible', timeout: 30_000 });
  });
  const offered = await suggest.innerText();
  if (!offered.includes('Image classification')) problems.push(`completion after "#### " does not offer the categories; it shows: ${offered.slice(0, 300)}`);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'completion.png') });
  return problems;
}

async function runCommand(page: Page, name: string): Promise<void> {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
  await page.keyboard.type(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name.replace(/^.*?: /, '') }).first().waitFor();
  await page.keyboard.press('Enter');
}

function summary(results: SuiteResults, extra: string[]): number {
  const out: string[] = ['', '  Surveyor in VS Code (code-server)'];
  for (const pass of results.passes) out.push(`    ✔ ${pass.title} (${pass.durationMs}ms)`);
  results.failures.forEach((failure, i) => out.push(`    ${i + 1}) ${failure.title}`));
  extra.forEach((problem, i) => out.push(`    ${results.failures.length + i + 1}) screenshots: ${problem.slice(0, 120)}`));
  const failing = results.failures.length + extra.length;
  out.push('', `  ${results.passes.length} passing`);
  if (failing > 0) out.push(`  ${failing} failing`);
  results.failures.forEach((failure, i) => out.push('', `  ${i + 1}) ${failure.title}:`, `     ${failure.stack || failure.message}`));
  extra.forEach((problem, i) => out.push('', `  ${results.failures.length + i + 1}) ${problem}`));
  process.stdout.write(out.join('\n') + '\n');
  return failing > 0 ? 1 : 0;
}

export async function main(): Promise<number> {
  if (!fs.existsSync(REFERENCE)) throw new Error(`the reference survey is not at ${REFERENCE}`);
  ensureDebianPackages();
  ensureNode24();
  ensureCodeServer();
  step('building surveyor.vsix and the test runner');
  npm(['run', 'package', '--silent']);
  npm(['run', 'build:vscode-tests', '--silent']);
  const runnerVsix = packageRunner();

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'surveyor-vscode-'));
  const userData = path.join(tmp, 'user-data');
  const extensions = path.join(tmp, 'extensions');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  // Offline (tests never reach arXiv) and quiet; workspace trust stays on, so the folder opens in Restricted Mode.
  fs.writeFileSync(
    path.join(userData, 'User', 'settings.json'),
    JSON.stringify({ 'surveyor.arxiv.online': false, 'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'extensions.autoUpdate': false, 'workbench.tips.enabled': false, 'security.workspace.trust.startupPrompt': 'never', 'chat.disableAIFeatures': true }),
  );
  const workspace = writeSurveyFolder(path.join(tmp, 'survey'));
  step('installing the extensions');
  installExtension(path.join(ROOT, 'surveyor.vsix'), userData, extensions);
  installExtension(runnerVsix, userData, extensions);

  const port = await freePort();
  const resultsFile = path.join(tmp, 'results.json');
  const log = path.join(tmp, 'code-server.log');
  step(`starting code-server on 127.0.0.1:${port} (log: ${log})`);
  const server = startCodeServer(port, userData, extensions, workspace, { SURVEYOR_VSCODE_TESTS_RESULT: resultsFile, SURVEYOR_EXPECT_RESTRICTED: '1' }, log);
  let exited = false;
  server.on('exit', () => (exited = true));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await openWorkbench(page, port, workspace, log, () => !exited);
    step('the workbench is open; the suite runs in the extension host');
    await waitForFile(resultsFile, SUITE_TIMEOUT_MS, () => !exited);
    const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as SuiteResults;
    let extra: string[] = [];
    try {
      extra = await screenshots(page, workspace);
      step(`screenshots in ${path.relative(ROOT, SCREENSHOTS)}/`);
    } catch (error) {
      await page.screenshot({ path: path.join(SCREENSHOTS, 'failure.png') }).catch(() => undefined);
      extra = [`taking the screenshots failed: ${(error as Error).message}`];
    }
    return summary(results, extra);
  } finally {
    await browser.close();
    if (!exited && server.pid) process.kill(-server.pid, 'SIGTERM');
  }
}

if (require.main === module) {
  main().then(
    (status) => (process.exitCode = status),
    (error: unknown) => {
      process.stderr.write(`[vscode-tests] ${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
