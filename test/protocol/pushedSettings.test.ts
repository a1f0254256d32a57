import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { Hover } from 'vscode-languageserver-protocol';
import { FakeArxiv, FakeClock } from '../support/fakeArxiv';
import { LspClient } from '../support/lspClient';

/**
 * Settings from editors that cannot answer `workspace/configuration`
 * (Neovim 0.7) or that answer it without a `surveyor` section: they send
 * them in `initializationOptions.settings` and `workspace/didChangeConfiguration`.
 * These clients get diagnostics pushed, as Neovim 0.7 does.
 */

/** A numbering defect (the second list starts at 2) and nothing else worth a warning. */
const SURVEY = '# Papers\n\n1. a\n2. b\n\n## More\n\n2. c\n';
/** Not in the bundled snapshot: only the fake arXiv knows it. */
const UNKNOWN_ID = '2501.99999';

interface Started {
  client: LspClient;
  dir: string;
  /** How many `workspace/configuration` requests the server sent. */
  asked: () => number;
  /** How many `window/showMessageRequest` the server sent: each one is a prompt Neovim stops for. */
  prompts: () => number;
}

interface Options {
  configuration: boolean;
  initializationSettings?: unknown;
  files?: Record<string, string>;
}

/** Runs `body` against a server started as the options say, and stops the server after. */
async function withServer(options: Options, body: (started: Started) => Promise<void>): Promise<void> {
  const started = await start(options);
  try {
    await body(started);
  } finally {
    await started.client.stop();
  }
}

async function start(options: Options): Promise<Started> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'surveyor-pushed-'));
  fs.mkdirSync(path.join(dir, '.git'));
  for (const [name, text] of Object.entries(options.files ?? {})) fs.writeFileSync(path.join(dir, name), text);
  const client = new LspClient();
  let asked = 0;
  client.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => {
    asked++;
    return params.items.map((item) => (item.section === 'surveyor' ? client.settings : null));
  });
  let prompts = 0;
  client.connection.onRequest('window/showMessageRequest', (params: { message: string }) => {
    prompts++;
    client.shownMessages.push(params.message);
    return null;
  });
  await client.connection.sendRequest('initialize', {
    processId: process.pid,
    clientInfo: { name: 'Neovim', version: '0.7.2' },
    rootUri: `file://${dir}`,
    workspaceFolders: [{ uri: `file://${dir}`, name: 'survey' }],
    capabilities: {
      window: { workDoneProgress: true },
      workspace: { configuration: options.configuration, workspaceFolders: true, applyEdit: true },
      textDocument: { publishDiagnostics: { relatedInformation: true } },
    },
    initializationOptions: {
      cacheDir: fs.mkdtempSync(path.join(os.tmpdir(), 'surveyor-cache-')),
      ...(options.initializationSettings === undefined ? {} : { settings: options.initializationSettings }),
    },
  });
  await client.connection.sendNotification('initialized', {});
  return { client, dir, asked: () => asked, prompts: () => prompts };
}

const push = (client: LspClient, settings: unknown) => client.connection.sendNotification('workspace/didChangeConfiguration', { settings });

/** The severity of the document's list-numbering finding as last pushed: 'none' when there is none, undefined before any push. */
function numbering(client: LspClient, uri: string): number | 'none' | undefined {
  const pushed = client.pushedDiagnostics(uri);
  if (!pushed) return undefined;
  return pushed.diagnostics.find((d) => d.code === 'list-numbering')?.severity ?? 'none';
}

/** The list-numbering severity once the diagnostics of `text` (a new version) are in: never a publish from before. */
async function numberingOf(client: LspClient, uri: string, version: number, text: string, message: RegExp): Promise<number | undefined> {
  await client.change(uri, version, [{ text }]);
  await client.until(() => client.pushedDiagnostics(uri)?.diagnostics.some((d) => d.code === 'list-numbering' && message.test(typeof d.message === 'string' ? d.message : d.message.value)) === true);
  return client.pushedDiagnostics(uri)!.diagnostics.find((d) => d.code === 'list-numbering')!.severity;
}

// The tests are independent (a server each) and mostly wait: they run side by side.
describe('settings an editor sends', { concurrency: true }, () => {
  it('a pushed rule severity changes the diagnostics of every open survey; each push replaces the last', { timeout: 10_000 }, () =>
    withServer({ configuration: false }, async ({ client, dir, asked, prompts }) => {
      const first = `file://${dir}/README.md`;
      const second = `file://${dir}/sub/README.md`;
      await client.open(first, SURVEY);
      await client.open(second, SURVEY);
      await client.until(() => numbering(client, first) === 2 && numbering(client, second) === 2);

      await push(client, { surveyor: { rules: { 'list-numbering': 'error' } } });
      await client.until(() => numbering(client, first) === 1 && numbering(client, second) === 1);

      await push(client, { surveyor: { rules: { 'list-numbering': 'off' } } });
      await client.until(() => numbering(client, first) === 'none' && numbering(client, second) === 'none');

      // A wrong value is one line, once for both documents; the rest of the push applies, and the "off" above is gone.
      await push(client, { surveyor: { rules: { 'list-numbering': 'loud' }, codeLens: false } });
      await client.until(() => numbering(client, first) === 2 && numbering(client, second) === 2);
      const lenses = await client.request<unknown[]>('textDocument/codeLens', { textDocument: { uri: first } });
      assert.deepEqual(lenses, [], 'codeLens: false from the same push applies');
      const told = client.shownMessages.filter((m) => m.includes('"list-numbering"'));
      assert.deepEqual(told, ['Surveyor: workspace/didChangeConfiguration (surveyor): rule "list-numbering": severity must be one of off, hint, info, warning, error, found "loud".']);

      assert.equal(asked(), 0, 'a client without the capability is never asked');
      assert.equal(prompts(), 0, 'messages are notifications: none waits for an answer');
    }));

  it('settings sent without the "surveyor" section are named in one line, not applied', { timeout: 10_000 }, () =>
    withServer({ configuration: false }, async ({ client, dir }) => {
      const uri = `file://${dir}/README.md`;
      await client.open(uri, SURVEY);
      await client.until(() => numbering(client, uri) === 2);
      await push(client, { rules: { 'list-numbering': 'off' } });
      await client.until(() => client.shownMessages.some((m) => m.includes('"rules" must be inside a "surveyor" section')));
      assert.equal(await numberingOf(client, uri, 2, '# Papers\n\n1. a\n5. b\n', /expected 2, found 5/), 2, 'still the default warning');
      // Nonsense in the notification is no crash: the server still answers.
      await push(client, 42);
      await push(client, { surveyor: 'loud' });
      await client.until(() => client.shownMessages.some((m) => m.includes('workspace/didChangeConfiguration (surveyor): expected an object with Surveyor settings, found "loud"')));
      assert.ok((await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } })).length > 0);
    }));

  it('a pushed arxiv.online = false stops every fetch: hover, Insert Paper and the background fetch', { timeout: 10_000 }, async () => {
    const arxiv = new FakeArxiv(new FakeClock(), [{ id: UNKNOWN_ID, title: 'A Paper Only The Fake Knows', authors: ['Jane Doe'] }]);
    const endpoint = await arxiv.start();
    let stop = async () => {};
    try {
      const { client, dir } = await start({ configuration: false });
      stop = () => client.stop();
      // The severity is the sign that the push was read: until it shows, nothing names an arXiv id (an ignored push would fetch from arXiv itself).
      await push(client, { surveyor: { rules: { 'list-numbering': 'error' }, arxiv: { online: false, endpoint } } });
      const uri = `file://${dir}/README.md`;
      const text = `${SURVEY}\n## Online\n\n1. A paper. _Doe, J._ arXiv 2025. [[paper](https://arxiv.org/abs/${UNKNOWN_ID})]\n`;
      await client.open(uri, text);
      await client.until(() => numbering(client, uri) === 1);

      const line = text.split('\n').findIndex((l) => l.includes(UNKNOWN_ID));
      const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line, character: text.split('\n')[line]!.indexOf(UNKNOWN_ID) } });
      assert.match((hover.contents as { value: string }).value, /fetching is off \(`surveyor\.arxiv\.online`\)/);
      await client.request('workspace/executeCommand', { command: 'surveyor.server.insertPaper', arguments: [{ uri, position: { line: 0, character: 0 }, reference: '2501.99998' }] });
      await client.until(() => client.shownMessages.some((m) => m.includes('no metadata for arXiv 2501.99998: surveyor.arxiv.online is off')));
      // The background fetch looks at a document a second after it changed: give it that second (a wait for nothing to happen).
      await new Promise((resolve) => setTimeout(resolve, 1200));
      assert.equal(arxiv.requests.length, 0, 'nothing was fetched while offline');

      // Back online (the same endpoint): the paper is fetched, so the silence above was the setting, not a dead endpoint.
      await push(client, { surveyor: { arxiv: { online: true, endpoint } } });
      await client.request('workspace/executeCommand', { command: 'surveyor.server.insertPaper', arguments: [{ uri, position: { line: 0, character: 0 }, reference: UNKNOWN_ID }] });
      await client.until(() => arxiv.requests.length > 0);
      assert.deepEqual(arxiv.requests.map((r) => r.ids), [[UNKNOWN_ID]]);
      // An editor other than VS Code cannot tell the user's settings from a project's (.dir-locals.el): the redirection is said, once.
      const told = client.shownMessages.filter((m) => m.startsWith('Surveyor: arXiv requests go to'));
      assert.deepEqual(told, [`Surveyor: arXiv requests go to ${endpoint} ("arxiv.endpoint" in workspace/didChangeConfiguration (surveyor)); only arXiv ids are sent.`]);
    } finally {
      await stop();
      await arxiv.stop();
    }
  });

  it('initializationOptions.settings apply from the start, on top of .surveyor.json, until a push replaces them', { timeout: 10_000 }, () =>
    withServer({
      configuration: false,
      initializationSettings: { surveyor: { rules: { 'list-numbering': 'error' } } },
      files: { '.surveyor.json': JSON.stringify({ rules: { 'list-numbering': 'hint' }, numbering: { start: 'continue' } }) },
    }, async ({ client, dir }) => {
      const uri = `file://${dir}/README.md`;
      // With start "continue" from .surveyor.json the second list (2.) would be right: make it wrong either way.
      const text = '# Papers\n\n1. a\n2. b\n\n## More\n\n5. c\n';
      await client.open(uri, text);
      await client.until(() => numbering(client, uri) !== undefined);
      assert.equal(numbering(client, uri), 1, 'the editor\'s "error" wins over .surveyor.json\'s "hint"');
      await push(client, { surveyor: { numbering: { start: 'any' } } });
      // The push replaced the initial settings whole: .surveyor.json's "hint" shows again, and start "any" accepts 5.
      await client.until(() => numbering(client, uri) === 'none');
      await client.change(uri, 2, [{ text: '# Papers\n\n1. a\n3. b\n' }]);
      await client.until(() => numbering(client, uri) === 4);
    }));

  it('a push with no "surveyor" section (eglot sends {} once connected; another server\'s settings) keeps what Surveyor was sent', { timeout: 10_000 }, () =>
    withServer({ configuration: false, initializationSettings: { surveyor: { rules: { 'list-numbering': 'error' } } } }, async ({ client, dir }) => {
      const uri = `file://${dir}/README.md`;
      await client.open(uri, SURVEY);
      await client.until(() => numbering(client, uri) === 1);
      await push(client, {});
      await push(client, { marksman: { enabled: true } });
      assert.equal(await numberingOf(client, uri, 2, '# Papers\n\n1. a\n7. b\n', /expected 2, found 7/), 1);
      await push(client, { surveyor: null });
      assert.equal(await numberingOf(client, uri, 3, '# Papers\n\n1. a\n8. b\n', /expected 2, found 8/), 2, '"surveyor": null clears what was sent');
    }));

  it('an editor that answers workspace/configuration is asked, and its answer wins over what it sent; where it has no "surveyor" section, what it sent applies', { timeout: 10_000 }, () =>
    withServer({ configuration: true, initializationSettings: { surveyor: { rules: { 'list-numbering': 'off' } } } }, async ({ client, dir, asked }) => {
      client.settings = { arxiv: { online: false }, rules: { 'list-numbering': 'error' } };
      const uri = `file://${dir}/README.md`;
      await client.open(uri, SURVEY);
      await client.until(() => numbering(client, uri) === 1);
      assert.ok(asked() > 0);

      // Neovim 0.8+ answers null for a section it has no settings for.
      client.settings = null;
      await push(client, { surveyor: { rules: { 'list-numbering': 'hint' }, arxiv: { online: false } } });
      await client.until(() => numbering(client, uri) === 4);
    }));
});
