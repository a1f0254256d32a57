/**
 * `npm run test:vscode`: the same suite in whichever real VS Code can run
 * here. Desktop VS Code (@vscode/test-electron) when its download server
 * answers; otherwise code-server from npm, in Debian's chromium. Set
 * SURVEYOR_VSCODE_LAUNCHER=electron|code-server to choose.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

async function canDownloadVsCode(): Promise<boolean> {
  try {
    const response = await fetch('https://update.code.visualstudio.com/api/releases/stable', { signal: AbortSignal.timeout(5000) });
    return response.ok;
  } catch {
    return false;
  }
}

async function main(): Promise<number> {
  const chosen = process.env.SURVEYOR_VSCODE_LAUNCHER ?? ((await canDownloadVsCode()) ? 'electron' : 'code-server');
  process.stderr.write(`[vscode-tests] launcher: ${chosen}\n`);
  execFileSync('npm', ['run', 'build:vscode-tests', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  if (chosen === 'electron') return (await import('./launchElectron')).main();
  if (chosen === 'code-server') return (await import('./launchCodeServer')).main();
  throw new Error(`SURVEYOR_VSCODE_LAUNCHER must be electron or code-server, not "${chosen}"`);
}

main().then(
  (status) => (process.exitCode = status),
  (error: unknown) => {
    process.stderr.write(`[vscode-tests] ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
