import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Hover } from 'vscode-languageserver-protocol';
import { bigSurvey } from '../support/bigSurvey';
import { storm } from '../support/loadTest';
import { loadSnapshot } from '../../server/src/metadata/snapshot';
import { SurveyorLanguageService } from '../../server/src/service/languageService';
import { defaultSettings } from '../../shared/settings';
import { document, readShared } from '../support/fixtures';
import { LspClient } from '../support/lspClient';

/** Larger counts run in `npm run test:stress`. */
const EDITS = Number(process.env.SURVEYOR_STORM_EDITS ?? 5000);
const COPIES = Number(process.env.SURVEYOR_STORM_COPIES ?? 100);

describe('the server under load and misuse', () => {
  let client: LspClient;
  let dir: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'surveyor-load-'));
    client = new LspClient();
    await client.initialize({ rootPath: dir });
  });
  after(() => client.stop());

  it(`takes ${EDITS} edits with hovers, completions and cancellations, and ends with the diagnostics of a fresh parse`, async (t) => {
    const uri = `file://${dir}/README.md`;
    const figures = await storm(client, uri, bigSurvey(readShared('seed', 'LLM-data-aug-survey.README.md'), COPIES), EDITS);
    const ms = (f: { p50: number; p99: number }) => `p50 ${f.p50.toFixed(0)} ms, p99 ${f.p99.toFixed(0)} ms`;
    t.diagnostic(
      `${figures.edits} edits to ${(figures.finalText.length / 1e6).toFixed(1)} MB at ${figures.editsPerSecond.toFixed(0)}/s with ${figures.cancelled} cancelled requests; ` +
        `during the storm (waiting behind what was queued) hover ${ms(figures.hoverMs)}, diagnostics ${ms(figures.diagnosticsMs)}; ` +
        `after it, a keystroke then hover ${ms(figures.settledHoverMs)}, diagnostics ${ms(figures.settledDiagnosticsMs)}; ` +
        `heap after GC ${figures.heapBeforeMb.toFixed(0)} -> ${figures.heapAfterMb.toFixed(0)} MB (RSS ${figures.rssMb.toFixed(0)} MB)`,
    );
    // A fresh service with the same offline metadata as the server (the bundled snapshot).
    const snapshot = loadSnapshot();
    const metadata = { lookup: (id: string) => (snapshot.has(id) ? { kind: 'known' as const, record: snapshot.get(id)!, source: 'snapshot' as const, fetching: false } : { kind: 'unknown' as const }) };
    const fresh = new SurveyorLanguageService({ settings: { settingsFor: () => defaultSettings() }, logger: { log: () => {} }, metadata }).getDiagnostics(document(figures.finalText, uri));
    const key = (d: { range: unknown; code?: unknown; message: unknown }) => JSON.stringify([d.range, d.code, d.message]);
    const server = figures.finalDiagnostics.map(key);
    const expected = fresh.map(key);
    assert.deepEqual(server.filter((k) => !expected.includes(k)), [], 'nothing the server reports that a fresh parse does not');
    assert.deepEqual(expected.filter((k) => !server.includes(k)), [], 'nothing a fresh parse reports that the server does not');
    assert.deepEqual(server, expected, 'in the same order');
    assert.ok(figures.heapAfterMb <= figures.heapBeforeMb * 1.5, `the heap grew from ${figures.heapBeforeMb.toFixed(0)} to ${figures.heapAfterMb.toFixed(0)} MB`);
    await client.close(uri);
    const afterClose = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 80, character: 50 } });
    assert.equal(afterClose, null, 'no answer from a closed document');
  });

  it('survives edits to unknown documents, versions out of order and requests on closed documents', async () => {
    const unknown = `file://${dir}/never-opened/README.md`;
    await client.change(unknown, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]);
    const uri = `file://${dir}/order/README.md`;
    await client.open(uri, '1. a\n3. b\n', 5);
    await client.change(uri, 3, [{ text: '1. a\n2. b\n' }]);
    await client.change(uri, 4, [{ range: { start: { line: 40, character: 0 }, end: { line: 99, character: 9 } }, text: 'beyond the end' }]);
    for (const method of ['textDocument/hover', 'textDocument/completion', 'textDocument/definition', 'textDocument/documentSymbol', 'textDocument/codeAction', 'textDocument/diagnostic']) {
      await client.request(method, { textDocument: { uri: unknown }, position: { line: 0, character: 0 }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }).catch(() => undefined);
    }
    await client.close(uri);
    await client.close(unknown);
    // Still alive and answering.
    const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols, []);
    assert.equal(client.process.exitCode, null);
  });

  it('answers a 20 MB README at once with one clear diagnostic, and other documents are not kept waiting', async () => {
    const huge = `file://${dir}/huge/README.md`;
    const line = '1. A paper title. _Doe, J. et al._ arXiv 2023. [[paper](https://arxiv.org/abs/2305.16289)]\n';
    await client.open(huge, line.repeat(Math.ceil(20_000_000 / line.length)));
    const small = `file://${dir}/small/README.md`;
    await client.open(small, '1. a\n3. b\n');
    const [hugeReport, smallReport] = await Promise.all([
      client.request<{ items: { message: string }[] }>('textDocument/diagnostic', { textDocument: { uri: huge } }),
      client.request<{ items: { message: string }[] }>('textDocument/diagnostic', { textDocument: { uri: small } }),
    ]);
    assert.equal(hugeReport.items.length, 1);
    assert.match(hugeReport.items[0]!.message, /20\.0 MB, more than surveyor\.maxFileSize \(10 MB\)/);
    // The huge file is answered with one diagnostic, not parsed (no wall-clock bound: machines here are shared and noisy).
    assert.equal(smallReport.items.length, 1);
    await client.close(huge);
    await client.close(small);
  });
});
