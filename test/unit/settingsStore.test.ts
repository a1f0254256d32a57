import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SettingsStore } from '../../server/src/settingsStore';
import type { WorkspaceFiles } from '../../server/src/workspaceFiles';

/** A workspace with no `.surveyor.json` anywhere. */
const NO_CONFIG: WorkspaceFiles = { findConfig: async () => undefined, readJson: async () => ({ problem: 'cannot be read (not found)' }) };

/** An editor whose answers to `workspace/configuration` the test releases one at a time. */
function slowEditor() {
  const answers: ((value: unknown) => void)[] = [];
  const store = new SettingsStore({
    clientSettings: () => new Promise((resolve) => answers.push(resolve)),
    workspaceFolders: () => ['file:///ws'],
    files: NO_CONFIG,
    warn: () => {},
  });
  // The store looks for `.surveyor.json` before it asks the editor: the questions come a few turns later.
  const turns = async () => {
    for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
  };
  return {
    store,
    answer: async (value: unknown) => {
      await turns();
      answers.shift()!(value);
    },
    asked: async () => {
      await turns();
      return answers.length;
    },
  };
}

const uri = 'file:///ws/README.md';
const offline = { arxiv: { online: false } };

describe('settings across a configuration change', () => {
  it('keeps the settings a document had until its new ones are read: a user offline stays offline meanwhile', async () => {
    const { store, answer } = slowEditor();
    const first = store.ensure(uri);
    await answer(offline);
    assert.equal((await first).arxiv.online, false);

    store.clear();
    const second = store.ensure(uri);
    // The editor has not answered yet: the defaults (online) must not stand in for the user's choice.
    assert.equal(store.settingsFor(uri).arxiv.online, false);
    await answer({ arxiv: { online: true } });
    await second;
    assert.equal(store.settingsFor(uri).arxiv.online, true);
  });

  it('a read begun before a change does not store what it read', async () => {
    const { store, answer, asked } = slowEditor();
    const stale = store.ensure(uri);
    store.clear();
    const fresh = store.ensure(uri);
    assert.equal(await asked(), 2, 'the change starts a new read instead of waiting for the old one');
    await answer(offline); // the old read's answer arrives first
    await stale;
    assert.equal(store.settingsFor(uri).arxiv.online, true, 'the old answer is not kept');
    await answer({ arxiv: { online: true }, rules: { 'list-numbering': 'error' } });
    await fresh;
    assert.equal(store.settingsFor(uri).rules['list-numbering'], 'error');
  });

  it('a closed document keeps nothing', async () => {
    const { store, answer } = slowEditor();
    const first = store.ensure(uri);
    await answer(offline);
    await first;
    store.clear();
    store.forget(uri);
    assert.equal(store.settingsFor(uri).arxiv.online, true);
  });
});

describe('settings of documents on any file system', () => {
  const folder = 'vscode-vfs://github/owner/survey';
  const asked: string[] = [];
  const files: WorkspaceFiles = {
    async findConfig(documentUri, stopAt) {
      asked.push(`find ${documentUri} up to ${stopAt}`);
      return `${folder}/.surveyor.json`;
    },
    async readJson(uri) {
      asked.push(`read ${uri}`);
      return { value: { files: ['lists/*.md'], codeLens: false }, version: '1' };
    },
  };
  const warnings: string[] = [];
  const store = new SettingsStore({ clientSettings: async () => undefined, workspaceFolders: () => ['file:///elsewhere', folder], files, warn: (m) => warnings.push(m) });

  it('reads .surveyor.json of a virtual workspace (github.dev) through the workspace files, up to the workspace folder', async () => {
    const uri = `${folder}/lists/papers.md`;
    assert.equal((await store.ensure(uri)).codeLens, false);
    assert.deepEqual(asked, [`find ${uri} up to ${folder}`, `read ${folder}/.surveyor.json`]);
    assert.deepEqual(warnings, []);
    // `files` is matched against the path inside the workspace folder, as for a file on disk.
    assert.equal(store.isSurvey(uri), true);
    await store.ensure(`${folder}/README.md`);
    assert.equal(store.isSurvey(`${folder}/README.md`), false);
  });

  it('never takes a view of another version of a file (a git revision, GitLens, a pull request under review) for a survey, nor reads its "files"', async () => {
    asked.length = 0;
    // VS Code's git file system answers a revision's sibling from the query, which names the README itself.
    for (const uri of ['git:/ws/lists/papers.md?%7B%22path%22%3A%22%2Fws%2Flists%2Fpapers.md%22%7D', 'review://pr/lists/papers.md', 'gitlens://abc123/ws/lists/papers.md']) {
      await store.ensure(uri);
      assert.equal(store.isSurvey(uri), false, uri);
    }
    assert.deepEqual(asked, [], 'no .surveyor.json looked for beside a view');
    assert.deepEqual(warnings, []);
  });

  it('takes a document of another scheme outside every workspace folder for a view, not a survey, whatever `files` matches', async () => {
    const plain = new SettingsStore({ clientSettings: async () => undefined, workspaceFolders: () => ['file:///ws'], files: NO_CONFIG, warn: () => {} });
    for (const [uri, survey] of [
      ['gitlens://abc123/ws/README.md', false],
      ['file:///elsewhere/README.md', true],
      ['untitled:README.md', true],
    ] as const) {
      await plain.ensure(uri);
      assert.equal(plain.isSurvey(uri), survey, uri);
    }
  });

  it('matches a document to its workspace folder however the editor spells the URI (a drive letter in either case, encoded or not)', async () => {
    const windows = new SettingsStore({ clientSettings: async () => undefined, workspaceFolders: () => ['file:///C:/proj'], files, warn: () => {} });
    for (const uri of ['file:///C:/proj/lists/papers.md', 'file:///c%3A/proj/lists/papers.md', 'file:///c:/proj/lists/papers.md']) {
      asked.length = 0;
      await windows.ensure(uri);
      assert.match(asked[0]!, / up to file:\/\/\/C:\/proj$/, `${uri}: looked for .surveyor.json up to the workspace folder`);
      assert.equal(windows.isSurvey(uri), true, `${uri} is lists/papers.md of the folder`);
    }
  });
});
