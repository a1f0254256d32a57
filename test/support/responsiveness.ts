import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { TestContext } from 'node:test';
import { CancellationTokenSource, type Hover } from 'vscode-languageserver-protocol';
import { bigSurvey } from './bigSurvey';
import { readShared } from './fixtures';
import { LspClient } from './lspClient';

/** What a hover on a small survey costs while a big one is read cold by the same server. */
export interface Responsiveness {
  /** Size of the big survey, in characters. */
  bigSize: number;
  /** The hover on an idle server (median of five). */
  idleHoverMs: number;
  /** Each hover sent while the big survey's diagnostics were being made. */
  hoversDuringParseMs: number[];
  /** From opening the big survey to its diagnostics. */
  coldDiagnosticsMs: number;
  /** A cancelled cold parse: the error code it answered, and the hover sent just after the cancel. */
  cancelledWith: number | undefined;
  hoverAfterCancelMs: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A server with a small survey open, asked about it while `copies` copies of the reference survey are read cold. */
export async function measureResponsiveness(copies: number): Promise<Responsiveness> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'surveyor-responsive-'));
  const client = new LspClient();
  try {
    await client.initialize({ rootPath: dir });
    const reference = readShared('seed', 'LLM-data-aug-survey.README.md');
    const small = `file://${dir}/small/README.md`;
    await client.open(small, reference);
    await client.pullDiagnostics(small);
    const headingLine = reference.split(/\r?\n/).findIndex((line) => line.startsWith('## '));
    const hover = async () => {
      const started = performance.now();
      await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: small }, position: { line: headingLine, character: 4 } });
      return performance.now() - started;
    };
    const idle: number[] = [];
    for (let i = 0; i < 5; i++) idle.push(await hover());

    const big = bigSurvey(reference, copies);
    const bigUri = `file://${dir}/big/README.md`;
    const opened = performance.now();
    await client.open(bigUri, big);
    let done = false;
    const diagnostics = client.pullDiagnostics(bigUri).finally(() => (done = true));
    const during: number[] = [];
    while (!done) {
      const ms = await hover();
      if (!done) during.push(ms);
      await sleep(10);
    }
    await diagnostics;
    const coldDiagnosticsMs = performance.now() - opened;

    // The same again, cancelled 200 ms in: the hover after the cancel does not wait for the parse.
    const other = `file://${dir}/other/README.md`;
    await client.open(other, bigSurvey(reference.replace(/^## /gm, '## Other '), copies));
    const source = new CancellationTokenSource();
    const cancelled = client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: other } }, source.token).then(
      () => undefined,
      (error: { code?: number }) => error.code,
    );
    await sleep(200);
    source.cancel();
    const hoverAfterCancelMs = await hover();
    return { bigSize: big.length, idleHoverMs: median(idle), hoversDuringParseMs: during, coldDiagnosticsMs, cancelledWith: await cancelled, hoverAfterCancelMs };
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/**
 * Measures and asserts. Had the parse held the server, one hover would have
 * waited for all of it and only one would fit in it; so the checks are ratios
 * to the parse. `withinIdleMs`: also, the median hover during the parse
 * answers within this many milliseconds of the idle one (the slices are 15 ms).
 */
export async function assertResponsive(t: TestContext, copies: number, withinIdleMs?: number): Promise<void> {
  const r = await measureResponsiveness(copies);
  t.diagnostic(
    `${(r.bigSize / 1e6).toFixed(2)} MB: diagnostics cold in ${r.coldDiagnosticsMs.toFixed(0)} ms; hover idle ${r.idleHoverMs.toFixed(1)} ms, ` +
      `during the parse median ${median(r.hoversDuringParseMs).toFixed(1)} ms, max ${Math.max(...r.hoversDuringParseMs).toFixed(1)} ms (${r.hoversDuringParseMs.length} hovers); after a cancel ${r.hoverAfterCancelMs.toFixed(1)} ms`,
  );
  assert.ok(r.hoversDuringParseMs.length >= 3, `${r.hoversDuringParseMs.length} hovers answered during a ${r.coldDiagnosticsMs.toFixed(0)} ms parse`);
  assert.ok(Math.max(...r.hoversDuringParseMs) < r.coldDiagnosticsMs / 3, 'no hover waited for the whole parse');
  assert.equal(r.cancelledWith, -32800, 'the cancelled request answers RequestCancelled');
  assert.ok(r.hoverAfterCancelMs < r.coldDiagnosticsMs / 3, 'the hover after a cancel does not wait for the parse');
  if (withinIdleMs !== undefined) assert.ok(median(r.hoversDuringParseMs) < r.idleHoverMs + withinIdleMs, `the median hover during the parse answers within ${withinIdleMs} ms of the idle one`);
}
