import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { cli } from '../cli/support';
import { corpusFiles, REFERENCE_SURVEY } from '../support/fixtures';
import { LspClient } from '../support/lspClient';

const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

/**
 * What a user sees in the editor and what CI prints must be the same list:
 * the README promises one figure for both (the reference survey: 19), and
 * a maintainer who fixes every finding in the editor expects a green check.
 * The editor here is offline (arXiv's snapshot only, as the CLI without --online).
 */
describe('the editor and the CLI report the same findings', () => {
  let client: LspClient;
  let dir: string;
  const lists = [REFERENCE_SURVEY, ...corpusFiles().sort().slice(0, 2)];
  before(async () => {
    assert.equal(lists.length, 3, 'the reference survey and two real lists from ../shared');
    // Outside a git checkout, as the lists lie in ../shared: missing-file has no repository to look in, in either.
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'surveyor-agree-')));
    lists.forEach((file, i) => {
      fs.mkdirSync(path.join(dir, `list${i}`));
      fs.copyFileSync(file, path.join(dir, `list${i}`, 'README.md'));
    });
    client = new LspClient();
    await client.initialize({ rootPath: dir });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const [i, file] of lists.entries()) {
    it(path.basename(file), { timeout: 30_000 }, async () => {
      const readme = path.join(dir, `list${i}`, 'README.md');
      const uri = URI.file(readme).toString();
      await client.open(uri, fs.readFileSync(readme, 'utf8'));
      const editor = (await client.pullDiagnostics(uri)).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${SEVERITY[d.severity!]} ${String(d.code)} ${d.message}`);
      await client.close(uri);
      const { stdout } = await cli(['check', '--format', 'json', `list${i}/README.md`], dir);
      const printed = (JSON.parse(stdout) as { line: number; column: number; severity: string; code: string; message: string }[]).map(
        (f) => `${f.line}:${f.column} ${f.severity} ${f.code} ${f.message}`,
      );
      assert.ok(editor.length > 0, 'a list with findings');
      assert.deepEqual(printed, editor);
      if (file === REFERENCE_SURVEY) assert.equal(editor.length, 19, 'the figure the README gives');
    });
  }
});
