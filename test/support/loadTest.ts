import * as fs from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CancellationTokenSource, type Diagnostic } from 'vscode-languageserver-protocol';
import { MemoryUsageRequest, type MemoryUsage } from '../../shared/protocol';
import type { LspClient } from './lspClient';

export interface LoadFigures {
  edits: number;
  editsPerSecond: number;
  /** From sending to the answer during the storm: mostly the wait behind the edits and requests queued before. */
  hoverMs: { p50: number; p99: number };
  diagnosticsMs: { p50: number; p99: number };
  /** After the storm, one keystroke then one request at a time: what a person typing would wait. */
  settledHoverMs: { p50: number; p99: number };
  settledDiagnosticsMs: { p50: number; p99: number };
  cancelled: number;
  /** Heap in use after a garbage collection, before and after the storm. */
  heapBeforeMb: number;
  heapAfterMb: number;
  rssMb: number;
  finalText: string;
  finalDiagnostics: Diagnostic[];
}

export function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** A small deterministic generator, so a failing storm can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/**
 * Sends `edits` incremental edits to an open document as fast as the pipe
 * takes them (characters typed into titles, new lines, deletions), with a
 * hover, a completion or a cancelled request every few edits, and a pull of
 * diagnostics now and then; then the final diagnostics.
 */
export async function storm(client: LspClient, uri: string, text: string, edits: number, seed = 1): Promise<LoadFigures> {
  const next = random(seed);
  let doc = TextDocument.create(uri, 'markdown', 1, text);
  await client.open(uri, text, 1);
  const pull = () => client.pullDiagnostics(uri);
  // Warm every path the storm takes once, so that the baseline is the server at work, not before its first hover.
  await pull();
  await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 80, character: 60 } });
  await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 80, character: 0 } });
  const before = await client.request<MemoryUsage>(MemoryUsageRequest, undefined);
  const hoverMs: number[] = [];
  const diagnosticsMs: number[] = [];
  const pending: Promise<unknown>[] = [];
  let cancelled = 0;
  const started = performance.now();
  for (let i = 0; i < edits; i++) {
    const offset = Math.floor(next() * doc.getText().length);
    const at = doc.positionAt(offset);
    const kind = next();
    const change =
      kind < 0.6
        ? { range: { start: at, end: at }, text: 'x' }
        : kind < 0.8
          ? { range: { start: at, end: at }, text: '\n' }
          : { range: { start: at, end: doc.positionAt(Math.min(doc.getText().length, offset + 1 + Math.floor(next() * 20))) }, text: '' };
    TextDocument.update(doc, [change], doc.version + 1);
    void client.change(uri, doc.version, [change]);
    const position = doc.positionAt(Math.floor(next() * doc.getText().length));
    if (i % 10 === 3) {
      const t = performance.now();
      pending.push(client.request('textDocument/hover', { textDocument: { uri }, position }).then(() => hoverMs.push(performance.now() - t)));
    } else if (i % 10 === 6) {
      pending.push(client.request('textDocument/completion', { textDocument: { uri }, position }));
    } else if (i % 10 === 8) {
      const source = new CancellationTokenSource();
      pending.push(client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position }, source.token).catch(() => cancelled++));
      source.cancel();
    } else if (i % 50 === 25) {
      const t = performance.now();
      pending.push(pull().then(() => diagnosticsMs.push(performance.now() - t)));
    }
  }
  await Promise.all(pending);
  const seconds = (performance.now() - started) / 1000;
  const settledHoverMs: number[] = [];
  const settledDiagnosticsMs: number[] = [];
  for (let i = 0; i < 40; i++) {
    const at = doc.positionAt(Math.floor(next() * doc.getText().length));
    const change = { range: { start: at, end: at }, text: 'x' };
    TextDocument.update(doc, [change], doc.version + 1);
    void client.change(uri, doc.version, [change]);
    const t = performance.now();
    if (i % 2 === 0) {
      await client.request('textDocument/hover', { textDocument: { uri }, position: doc.positionAt(Math.floor(next() * doc.getText().length)) });
      settledHoverMs.push(performance.now() - t);
    } else {
      await pull();
      settledDiagnosticsMs.push(performance.now() - t);
    }
  }
  const finalDiagnostics = await pull();
  return {
    edits,
    editsPerSecond: edits / seconds,
    hoverMs: { p50: percentile(hoverMs, 50), p99: percentile(hoverMs, 99) },
    diagnosticsMs: { p50: percentile(diagnosticsMs, 50), p99: percentile(diagnosticsMs, 99) },
    settledHoverMs: { p50: percentile(settledHoverMs, 50), p99: percentile(settledHoverMs, 99) },
    settledDiagnosticsMs: { p50: percentile(settledDiagnosticsMs, 50), p99: percentile(settledDiagnosticsMs, 99) },
    cancelled,
    heapBeforeMb: before.heapUsedMb,
    heapAfterMb: (await client.request<MemoryUsage>(MemoryUsageRequest, undefined)).heapUsedMb,
    rssMb: rssMb(client.process.pid!),
    finalText: doc.getText(),
    finalDiagnostics,
  };
}
