import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SettingsStore } from '../../server/src/settingsStore';

/** An editor whose answers to `workspace/configuration` the test releases one at a time. */
function slowEditor() {
  const answers: ((value: unknown) => void)[] = [];
  const store = new SettingsStore({
    clientSettings: () => new Promise((resolve) => answers.push(resolve)),
    workspaceFolders: () => ['/ws'],
    warn: () => {},
  });
  return { store, answer: (value: unknown) => answers.shift()!(value), asked: () => answers.length };
}

const uri = 'file:///ws/README.md';
const offline = { arxiv: { online: false } };

describe('settings across a configuration change', () => {
  it('keeps the settings a document had until its new ones are read: a user offline stays offline meanwhile', async () => {
    const { store, answer } = slowEditor();
    const first = store.ensure(uri);
    answer(offline);
    assert.equal((await first).arxiv.online, false);

    store.clear();
    const second = store.ensure(uri);
    // The editor has not answered yet: the defaults (online) must not stand in for the user's choice.
    assert.equal(store.settingsFor(uri).arxiv.online, false);
    answer({ arxiv: { online: true } });
    await second;
    assert.equal(store.settingsFor(uri).arxiv.online, true);
  });

  it('a read begun before a change does not store what it read', async () => {
    const { store, answer, asked } = slowEditor();
    const stale = store.ensure(uri);
    store.clear();
    const fresh = store.ensure(uri);
    assert.equal(asked(), 2, 'the change starts a new read instead of waiting for the old one');
    answer(offline); // the old read's answer arrives first
    await stale;
    assert.equal(store.settingsFor(uri).arxiv.online, true, 'the old answer is not kept');
    answer({ arxiv: { online: true }, rules: { 'list-numbering': 'error' } });
    await fresh;
    assert.equal(store.settingsFor(uri).rules['list-numbering'], 'error');
  });

  it('a closed document keeps nothing', async () => {
    const { store, answer } = slowEditor();
    const first = store.ensure(uri);
    answer(offline);
    await first;
    store.clear();
    store.forget(uri);
    assert.equal(store.settingsFor(uri).arxiv.online, true);
  });
});
