/**
 * Runs the VS Code suite in desktop VS Code with @vscode/test-electron (which
 * downloads VS Code): for machines that reach the download server, such as the
 * GitHub Actions workflow (under xvfb on Linux).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { writeSurveyFolder } from './surveyWithGap';

const ROOT = path.resolve(__dirname, '..', '..');

export async function main(): Promise<number> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'surveyor-electron-'));
  const workspace = writeSurveyFolder(path.join(tmp, 'survey'));
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
