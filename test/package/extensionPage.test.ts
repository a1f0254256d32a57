/**
 * The extension's details page in a real VS Code (code-server in Debian's
 * chromium; see ../vscode/codeServer.ts), with the .vsix packaged as the
 * release workflow packages it.
 *
 * VS Code's details page renders the README in a webview and keeps only
 * http(s) images: it drops the src of a relative image (`docs/images/x.png`)
 * even though the file is in the installed extension. So the release packages
 * with vsce's --baseImagesUrl pointing at the tag's files on GitHub. Here a
 * local https server stands in for GitHub: the page must have fetched and
 * shown every image of the README, and the icon (served from the installed
 * extension). The page is saved as screenshots/extension-page.png.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Browser, chromium, type Frame, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, ensureCodeServer, ensureDebianPackages, ensureNode24, freePort, gotoWorkbench, installExtension, startCodeServer } from '../vscode/codeServer';
import { localImages, manifest, outsideNpm, ROOT, tempDir } from './support';

const SCREENSHOT = path.join(ROOT, 'screenshots', 'extension-page.png');

interface ImageState {
  src: string;
  loaded: boolean;
}

/** The images of a frame, each with whether it loaded (a broken or dropped image has no natural width). */
function imagesIn(frame: Frame): Promise<ImageState[]> {
  // A string, evaluated in the page: this project's type check knows no DOM.
  return frame.evaluate<ImageState[]>(`[...document.images].map((img) => ({ src: img.getAttribute('src') ?? '', loaded: img.complete && img.naturalWidth > 0 }))`);
}

/** The webview frame that shows the README: not the workbench, and with the README's first heading. */
async function readmeFrame(page: Page, heading: string): Promise<Frame> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    for (const frame of page.frames().filter((f) => f !== page.mainFrame())) {
      const text = await frame.evaluate<string>(`document.body?.innerText ?? ''`).catch(() => '');
      if (text.includes(heading)) return frame;
    }
    await page.waitForTimeout(500);
  }
  throw new Error(`no webview shows the README heading "${heading}"`);
}

/** Serves the repository's images over https on loopback, as GitHub serves a tag's files; records each request. */
async function imageServer(work: string): Promise<{ base: string; requested: string[]; close: () => void }> {
  const key = path.join(work, 'key.pem');
  const cert = path.join(work, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert], { stdio: 'ignore' });
  const requested: string[] = [];
  const server = https.createServer({ key: fs.readFileSync(key), cert: fs.readFileSync(cert) }, (request, response) => {
    const file = decodeURIComponent(new URL(request.url ?? '/', 'https://127.0.0.1').pathname).replace(/^\/+/, '');
    requested.push(file);
    if (!/^(docs\/images|images)\/[\w-]+\.png$/.test(file)) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'image/png' }).end(fs.readFileSync(path.join(ROOT, file)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `https://127.0.0.1:${(server.address() as AddressInfo).port}`, requested, close: () => server.close() };
}

/** Opens Surveyor's details as a person does: the Extensions view, the installed extensions, Surveyor. */
async function openDetails(page: Page): Promise<void> {
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: 30_000 });
  await page.keyboard.type('View: Show Extensions');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'View: Show Extensions' }).first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
  // The search box is a small editor: typing there filters the list to the installed extensions.
  await page.locator('.extensions-viewlet .suggest-input-container').first().click({ timeout: 30_000 });
  await page.keyboard.type('@installed surveyor');
  await page.locator('.extensions-viewlet .monaco-list-row', { hasText: 'Surveyor' }).first().click({ timeout: 60_000 });
  await page.locator('.extension-editor').waitFor({ timeout: 30_000 });
}

describe("the extension's details page in VS Code (code-server)", () => {
  let work: string;
  let images: Awaited<ReturnType<typeof imageServer>>;
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  let page: Page;

  before(async () => {
    ensureDebianPackages();
    ensureNode24();
    ensureCodeServer();
    work = tempDir('extension-page');
    images = await imageServer(work);
    const vsix = path.join(work, 'surveyor.vsix');
    // As release.yml packages, with this server in place of github.com/OWNER/REPO/{blob,raw}/TAG.
    const flags = ['--baseContentUrl', images.base, '--baseImagesUrl', images.base];
    execFileSync('npx', ['vsce', 'package', '--no-dependencies', '--allow-missing-repository', ...flags, '--out', vsix], { cwd: ROOT, env: outsideNpm(), stdio: ['ignore', 'ignore', 'inherit'] });
    const userData = path.join(work, 'user-data');
    const extensions = path.join(work, 'extensions');
    const workspace = path.join(work, 'workspace');
    fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
    fs.mkdirSync(workspace);
    fs.writeFileSync(
      path.join(userData, 'User', 'settings.json'),
      JSON.stringify({ 'surveyor.arxiv.online': false, 'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'extensions.autoUpdate': false, 'extensions.autoCheckUpdates': false, 'workbench.tips.enabled': false, 'security.workspace.trust.enabled': false, 'chat.disableAIFeatures': true, 'workbench.secondarySideBar.defaultVisibility': 'hidden' }),
    );
    installExtension(vsix, userData, extensions);
    const port = await freePort();
    const log = path.join(work, 'code-server.log');
    server = startCodeServer(port, userData, extensions, workspace, {}, log);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      // The stand-in for GitHub has a self-signed certificate.
      args: [...CHROMIUM_ARGS, '--ignore-certificate-errors'],
    });
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, ignoreHTTPSErrors: true })).newPage();
    await gotoWorkbench(page, port, workspace);
    try {
      await openDetails(page);
    } catch (error) {
      fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
      await page.screenshot({ path: SCREENSHOT.replace(/\.png$/, '-failure.png') }).catch(() => undefined);
      throw new Error(`${(error as Error).message} (screenshot: screenshots/extension-page-failure.png; code-server log: ${log})`);
    }
  });

  after(async () => {
    await browser?.close();
    images?.close();
    if (server?.pid && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('shows every image of the README', async () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const heading = /^# (.+)$/m.exec(readme)?.[1].trim() ?? 'Surveyor';
    const frame = await readmeFrame(page, heading);
    // Images load after the text: wait until every one has loaded or failed.
    await frame.waitForFunction(`[...document.images].every((img) => img.complete)`, undefined, { timeout: 30_000 });
    const shown = await imagesIn(frame);
    const expected = localImages(readme);
    assert.ok(expected.length > 0, 'the README shows no image of the repository');
    for (const image of expected) {
      const matching = shown.filter((img) => img.src === `${images.base}/${image}`);
      assert.ok(matching.length > 0, `the details page shows no ${image}; its images: ${JSON.stringify(shown)}`);
      assert.ok(matching.every((img) => img.loaded), `${image} did not load: ${JSON.stringify(matching)}`);
      assert.ok(images.requested.includes(image), `the page never fetched ${image}`);
    }
    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
  });

  it("shows the icon in the page's header, from the installed extension", async () => {
    const icon = page.locator('.extension-editor .header img.icon').first();
    await icon.waitFor({ timeout: 30_000 });
    const state = await icon.evaluate((img) => {
      const image = img as unknown as { complete: boolean; naturalWidth: number; src: string };
      return { loaded: image.complete && image.naturalWidth > 0, src: decodeURIComponent(image.src) };
    });
    assert.ok(state.loaded, `the header icon did not load: ${state.src}`);
    assert.ok(state.src.includes(`/${manifest.publisher}.${manifest.name}-${manifest.version}/images/icon.png`), state.src);
  });
});
