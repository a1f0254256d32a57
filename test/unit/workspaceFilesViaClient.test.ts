import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FileKind, ReadFileResult } from '../../shared/protocol';
import { workspaceFilesViaClient, type FileRequests } from '../../server/src/workspaceFilesViaClient';
import { workspaceFilesOnDisk } from '../../server/src/workspaceFilesOnDisk';
import { cacheViaClient } from '../../server/src/metadata/cacheViaClient';
import { checkedKind, checkedRead, checkedWrite, clientFileRequests } from '../../server/src/clientFileRequests';
import { resolveSettings } from '../../server/src/service/configuration';
import { TaxonomyFiles } from '../../server/src/taxonomyFile';

/** A virtual file system as the client would describe it: URI → 'folder' or the file's text. */
function client(tree: Record<string, string | 'folder'>, asked: string[] = []): FileRequests {
  return {
    async kind(uri): Promise<FileKind> {
      asked.push(uri);
      const entry = tree[uri];
      return entry === undefined ? 'none' : entry === 'folder' ? 'folder' : 'file';
    },
    async read(uri): Promise<ReadFileResult> {
      const entry = tree[uri];
      if (entry === undefined) return { problem: 'not found' };
      if (entry === 'folder') return { problem: 'not a file' };
      return { text: entry, version: String(entry.length) };
    },
  };
}

const ROOT = 'vscode-vfs://github/owner/survey';

describe('workspace files through the client (github.dev, the browser)', () => {
  it('finds .surveyor.json walking up from the document, and stops at the workspace folder', async () => {
    const asked: string[] = [];
    const files = workspaceFilesViaClient(client({ [`${ROOT}/.surveyor.json`]: '{}', [`${ROOT}/lists`]: 'folder' }, asked));
    assert.equal(await files.findConfig(`${ROOT}/lists/deep/README.md`, ROOT), `${ROOT}/.surveyor.json`);
    // Above the workspace folder nothing is asked: the owner's other repositories are not this survey's.
    const none = workspaceFilesViaClient(client({ 'vscode-vfs://github/owner/.surveyor.json': '{}' }, asked));
    asked.length = 0;
    assert.equal(await none.findConfig(`${ROOT}/README.md`, ROOT), undefined);
    assert.deepEqual(asked, [`${ROOT}/.surveyor.json`]);
  });

  it('stops at a repository root (.git) when the document is in no workspace folder, and reads nothing for an untitled one', async () => {
    const files = workspaceFilesViaClient(client({ 'memfs:/a/.git': 'folder', 'memfs:/.surveyor.json': '{}' }));
    assert.equal(await files.findConfig('memfs:/a/b/README.md', undefined), undefined);
    assert.equal(await files.findConfig('memfs:/c/README.md', undefined), 'memfs:/.surveyor.json');
    assert.equal(await files.findConfig('untitled:Untitled-1', undefined), undefined);
  });

  it('reads JSON, words each problem as the disk does, and never reads outside the folder named', async () => {
    const files = workspaceFilesViaClient(client({ [`${ROOT}/a.json`]: '{"x": 1}', [`${ROOT}/bad.json`]: '{\n  "x": ', [`${ROOT}/dir.json`]: 'folder', 'vscode-vfs://github/other/x.json': '{}' }));
    assert.deepEqual(await files.readJson(`${ROOT}/a.json`), { value: { x: 1 }, version: '8' });
    assert.deepEqual(await files.readJson(`${ROOT}/bad.json`), { problem: 'not valid JSON (line 2, column 8)' });
    assert.deepEqual(await files.readJson(`${ROOT}/dir.json`), { problem: 'not a regular file' });
    assert.deepEqual(await files.readJson(`${ROOT}/gone.json`), { problem: 'cannot be read (not found)' });
    assert.deepEqual(await files.readJson('vscode-vfs://github/other/x.json', ROOT), { problem: 'a file outside vscode-vfs://github/owner/survey' });
  });

  it('takes an editor that does not answer (no Surveyor client) for files not there, never a failure', async () => {
    const silent: FileRequests = { kind: () => Promise.reject(new Error('Unhandled method surveyor/fileKind')), read: () => Promise.reject(new Error('Unhandled method')) };
    const files = workspaceFilesViaClient(silent);
    assert.equal(await files.findConfig(`${ROOT}/README.md`, ROOT), undefined);
    assert.deepEqual(await files.readJson(`${ROOT}/a.json`), { problem: 'cannot be read (the editor did not answer)' });
  });

  it('the Node server reads file: URIs itself and hands every other scheme to the client', async () => {
    const asked: string[] = [];
    const files = workspaceFilesOnDisk(workspaceFilesViaClient(client({ [`${ROOT}/.surveyor.json`]: '{"codeLens": false}' }, asked)));
    assert.equal(await files.findConfig(`${ROOT}/README.md`, ROOT), `${ROOT}/.surveyor.json`);
    assert.deepEqual(await files.readJson(`${ROOT}/.surveyor.json`), { value: { codeLens: false }, version: '19' });
    asked.length = 0;
    await files.findConfig('file:///nonexistent-surveyor-folder/README.md', undefined);
    assert.deepEqual(asked, [], 'a file on disk is not asked of the client');
  });
});

describe('the arXiv cache in global storage, through the client', () => {
  const folder = 'vscode-userdata:/User/globalStorage/surveyor-dev.paper-surveyor';
  const requests = (read: ReadFileResult, written: unknown[] = []) => ({
    kind: async (): Promise<FileKind> => 'none',
    read: async () => read,
    write: async (uri: string, text: string) => {
      written.push([uri, text]);
      return { written: true as const };
    },
  });

  it('is no cache yet when the file is not there, and is written whole to the file in that folder', async () => {
    const written: unknown[] = [];
    const storage = cacheViaClient(folder, requests({ problem: 'not found' }, written));
    assert.equal(await storage.read(), undefined);
    await storage.write('{"format":2}');
    assert.deepEqual(written, [[`${folder}/arxiv-cache.json`, '{"format":2}']]);
  });

  it('says why a cache cannot be read (too large, unreadable)', async () => {
    await assert.rejects(async () => cacheViaClient(folder, requests({ problem: 'too large' })).read(), /larger than 64 MB/);
    await assert.rejects(async () => cacheViaClient(folder, requests({ problem: 'unreadable', detail: 'EACCES' })).read(), /EACCES/);
  });
});

describe("the client's answers to file requests, checked", () => {
  it('takes any answer that is not one of the protocol for nothing read or written', () => {
    for (const junk of [null, undefined, 42, 'x', [], { text: 1 }, { problem: 'rm -rf' }, { written: 'yes' }]) {
      assert.equal(checkedKind(junk), 'none');
      assert.ok('problem' in checkedRead(junk), JSON.stringify(junk));
      assert.ok('problem' in checkedWrite(junk), JSON.stringify(junk));
    }
    assert.equal(checkedKind('folder'), 'folder');
    assert.deepEqual(checkedRead({ text: 'a', version: 3 }), { text: 'a', version: '' });
    assert.deepEqual(checkedRead({ problem: 'too large', extra: 1 }), { problem: 'too large' });
    assert.deepEqual(checkedWrite({ problem: 'x'.repeat(1000) }), { problem: 'x'.repeat(200) });
  });
});

describe('file requests: sent only to a client that answers them, after initialize', () => {
  it('asks nothing of another editor (it would only log an unknown method), and waits for initialize', async () => {
    const sent: string[] = [];
    const connection = { sendRequest: async (method: string) => (sent.push(method), 'file') } as unknown as Parameters<typeof clientFileRequests>[0];
    let initialized!: (own: boolean) => void;
    const own = clientFileRequests(connection, new Promise<boolean>((resolve) => (initialized = resolve)));
    const kind = own.kind('vscode-vfs://github/o/r/.surveyor.json');
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(sent, [], 'nothing before the answer to initialize');
    initialized(true);
    assert.equal(await kind, 'file');
    assert.deepEqual(sent, ['surveyor/fileKind']);

    const foreign = clientFileRequests(connection, Promise.resolve(false));
    assert.equal(await foreign.kind('oil:///x/.surveyor.json'), 'none');
    assert.ok('problem' in (await foreign.read('oil:///x/a.json', 10)));
    assert.deepEqual(sent, ['surveyor/fileKind'], 'no request to another editor');
  });
});

describe('the taxonomy, read again only when it changed', () => {
  it('asks with the version it has, keeps the tree on "unchanged", and always reads a file whose version is not given', async () => {
    const reads: (string | undefined)[] = [];
    const tree = { topLevel: 2, categories: [{ name: 'From The File' }] };
    const files = (version: string) =>
      workspaceFilesViaClient({
        kind: async () => 'file',
        read: async (_uri, _max, unlessVersion) => {
          reads.push(unlessVersion);
          return unlessVersion === version && version !== '' ? { unchanged: true } : { text: JSON.stringify(tree), version };
        },
      });
    const settings = resolveSettings([{ source: `${ROOT}/.surveyor.json`, value: { taxonomy: 'tree.json' }, baseUri: ROOT }]).settings;
    const versioned = new TaxonomyFiles(files('7'), () => {});
    await versioned.refresh(settings);
    await versioned.refresh(settings);
    assert.deepEqual(reads, [undefined, '7']);
    assert.equal(versioned.get(settings).categories[0]!.name, 'From The File');
    reads.length = 0;
    const unversioned = new TaxonomyFiles(files(''), () => {});
    await unversioned.refresh(settings);
    await unversioned.refresh(settings);
    assert.deepEqual(reads, [undefined, undefined]);
  });
});
