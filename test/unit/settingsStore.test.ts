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

  it('never takes a view of another version of a file (a git revision, a pull request under review) for a survey', async () => {
    for (const uri of ['git:/ws/lists/papers.md?%7B%22ref%22%3A%22HEAD%22%7D', 'review://pr/lists/papers.md']) {
      await store.ensure(uri);
      assert.equal(store.isSurvey(uri), false, uri);
    }
  });
});
