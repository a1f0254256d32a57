import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { defaultSettings } from '../../../shared/settings';
import { repositoryFilesOnDisk } from '../../../server/src/repositoryFilesOnDisk';
import { SurveyorLanguageService } from '../../../server/src/service/languageService';
import type { RepositoryFiles } from '../../../server/src/service/repositoryFiles';
import { dedent, document } from '../../support/fixtures';

const text = dedent(`
  # Survey

  See [the prompts](PROMPT.md), [cite us](./images/cite.txt#L2), ![figure](/assets/fig.png) and [a folder](docs/).
  Web and page links are not files: [site](https://example.org/a.md), [top](#survey), [mail](mailto:a@b.c).
`);

function missing(files: RepositoryFiles, source = text, uri = 'file:///repo/README.md'): string[] {
  const settings = defaultSettings();
  const service = new SurveyorLanguageService({ settings: { settingsFor: () => settings }, logger: { log: () => {} }, files });
  return service
    .getDiagnostics(document(source, uri))
    .filter((d) => d.code === 'missing-file')
    .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
}

describe('missing-file', () => {
  it('reports links and images to repository files that do not exist, at the path', () => {
    const asked: string[] = [];
    const files: RepositoryFiles = { exists: (_uri, p) => (asked.push(p), p === 'docs/') };
    const found = missing(files);
    assert.deepEqual(asked, ['PROMPT.md', './images/cite.txt', '/assets/fig.png', 'docs/'], 'web addresses, anchors and mail links are never asked about');
    assert.equal(found.length, 3);
    assert.match(found[0]!, /^3:19 No file "PROMPT\.md" in the repository/);
  });

  it('stays silent where the files cannot be known (a browser, an unsaved file, no checkout)', () => {
    assert.deepEqual(missing({ exists: () => undefined }), []);
    assert.deepEqual(missing(repositoryFilesOnDisk(), text, 'untitled:Untitled-1'), []);
  });

  it('reads the disk as GitHub resolves paths: beside the README, / from the repository root, never outside it', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'surveyor-files-'));
    fs.mkdirSync(path.join(root, '.git'));
    fs.mkdirSync(path.join(root, 'lists', 'images'), { recursive: true });
    fs.mkdirSync(path.join(root, 'assets'));
    fs.writeFileSync(path.join(root, 'lists', 'images', 'cite.txt'), 'x');
    fs.writeFileSync(path.join(root, 'assets', 'fig.png'), 'x');
    const uri = URI.file(path.join(root, 'lists', 'README.md')).toString();
    const files = repositoryFilesOnDisk();
    assert.equal(files.exists(uri, './images/cite.txt'), true);
    assert.equal(files.exists(uri, '/assets/fig.png'), true);
    assert.equal(files.exists(uri, 'PROMPT.md'), false);
    assert.equal(files.exists(uri, '../../outside.md'), undefined, 'outside the repository nothing is told');
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'surveyor-copy-'));
    assert.equal(repositoryFilesOnDisk().exists(URI.file(path.join(copy, 'README.md')).toString(), 'PROMPT.md'), undefined, 'a README outside a checkout');
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(copy, { recursive: true, force: true });
  });
});
