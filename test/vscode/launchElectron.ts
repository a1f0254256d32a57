/**
 * Runs the VS Code suite in desktop VS Code with @vscode/test-electron (which
 * downloads VS Code): for machines that reach the download server, such as the
 * GitHub Actions workflow (under xvfb on Linux).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

const ROOT = path.resolve(__dirname, '..', '..');
const REFERENCE = path.resolve(ROOT, '..', 'shared', 'seed', 'LLM-data-aug-survey.README.md');

export async function main(): Promise<number> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'surveyor-electron-'));
  const workspace = path.join(tmp, 'survey');
  fs.mkdirSync(workspace);
  const lines = fs.readFileSync(REFERENCE, 'utf8').split('\n');
  lines.splice(lines.findIndex((l) => l.startsWith('4. It is all about where you start')), 1);
  fs.writeFileSync(path.join(workspace, 'README.md'), lines.join('\n'));
  const userData = path.join(tmp, 'user-data');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({ 'surveyor.arxiv.online': false, 'security.workspace.trust.startupPrompt': 'never' }));
  try {
    await runTests({
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(ROOT, 'dist-test', 'vscode', 'suite.js'),
      launchArgs: [workspace, '--disable-extensions', `--user-data-dir=${userData}`],
      extensionTestsEnv: { SURVEYOR_EXPECT_RESTRICTED: '1' },
    });
    return 0;
  } catch (error) {
    process.stderr.write(`VS Code tests failed: ${(error as Error).message}\n`);
    return 1;
  }
}
