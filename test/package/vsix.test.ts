/**
 * The .vsix that `npm run package` makes (release.yml packages the same
 * files, only with the README's relative links pointing at the tag on
 * GitHub): what it holds, what it leaves out, its size, and that vsce
 * packaged it without a warning.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { before, describe, it } from 'node:test';
import * as yauzl from 'yauzl';
import { localImages, packageVsix, VSIX } from './support';

/** The desktop and the web bundles (each pair ~0.3 MB compressed), the CLI, data/ and the README's screenshots: ~1.2 MB. */
const MAX_BYTES = 1_500_000;

/** The entries of a zip file: name → its bytes. */
function readZip(file: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const entries = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
          stream.on('error', reject);
        });
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

describe('the packaged extension (surveyor.vsix)', () => {
  let vsceOutput: string;
  let entries: Map<string, Buffer>;
  let names: string[];

  before(async () => {
    const packaged = packageVsix();
    vsceOutput = packaged.output;
    entries = await readZip(packaged.vsix);
    names = [...entries.keys()];
  });

  it('is packaged without a warning from vsce', () => {
    assert.doesNotMatch(vsceOutput, /WARNING/);
  });

  it('holds the extension, server and CLI bundles, data/, the manifest, README, CHANGELOG and LICENSE', () => {
    for (const needed of ['dist/extension.js', 'dist/server.js', 'dist/cli.js', 'data/surveyor.schema.json', 'package.json', 'readme.md', 'changelog.md', 'LICENSE.txt']) {
      assert.ok(names.includes(`extension/${needed}`), `the .vsix lacks extension/${needed}`);
    }
  });

  it('leaves out tests, sources, source maps, node_modules and the GitHub Action bundle', () => {
    const unwanted = names.filter((name) => /(^|\/)(test|node_modules|src|dist-test|screenshots)\//.test(name) || /\.(map|ts|vsix|tgz)$/.test(name) || name === 'extension/dist/action.js');
    assert.deepEqual(unwanted, []);
    const dist = names.filter((name) => name.startsWith('extension/dist/')).sort();
    assert.deepEqual(dist, ['extension/dist/browser/extension.js', 'extension/dist/browser/server.js', 'extension/dist/cli.js', 'extension/dist/extension.js', 'extension/dist/server.js']);
  });

  it('carries both entries, desktop (main) and web (browser), and says it works in virtual workspaces', () => {
    const manifest = JSON.parse(entries.get('extension/package.json')!.toString('utf8')) as { main?: string; browser?: string; capabilities?: { virtualWorkspaces?: unknown } };
    for (const entry of [manifest.main, manifest.browser]) {
      assert.ok(entry, 'package.json names both main and browser');
      assert.ok(names.includes(`extension/${entry.replace(/^\.\//, '')}`), `the .vsix lacks ${entry}`);
    }
    // The web client starts this worker (client/src/browserExtension.ts).
    assert.ok(names.includes('extension/dist/browser/server.js'));
    assert.notEqual(manifest.capabilities?.virtualWorkspaces, false);
  });

  it("holds every image the README shows, at the README's relative path", () => {
    const readme = entries.get('extension/readme.md')!.toString('utf8');
    const images = localImages(readme);
    assert.ok(images.length > 0, 'the packaged README shows no local image');
    for (const image of images) assert.ok(names.includes(`extension/${image}`), `the README shows ${image}, which the .vsix lacks`);
  });

  it('holds the icon package.json names, a 128×128 PNG', () => {
    const manifest = JSON.parse(entries.get('extension/package.json')!.toString('utf8')) as { icon?: string };
    assert.ok(manifest.icon, 'package.json names no icon');
    const icon = entries.get(`extension/${manifest.icon}`);
    assert.ok(icon, `the .vsix lacks the icon ${manifest.icon}`);
    assert.equal(icon.subarray(1, 4).toString('ascii'), 'PNG');
    // IHDR: width and height are the first two 32-bit fields after the 8-byte signature and the chunk header.
    assert.deepEqual([icon.readUInt32BE(16), icon.readUInt32BE(20)], [128, 128]);
  });

  it(`is under ${MAX_BYTES / 1_000_000} MB`, () => {
    const size = fs.statSync(VSIX).size;
    assert.ok(size < MAX_BYTES, `surveyor.vsix is ${size} bytes`);
  });
});
