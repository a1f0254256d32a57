/**
 * The parts of `npm run bench` that go through other processes, as users meet them:
 *
 *   typing through the protocol   the built server (`node dist/server.js --stdio`) driven over JSON-RPC
 *                                 as an editor does: didChange (incremental), then pull diagnostics
 *   cold check, whole process     `node dist/cli.js check FILE` next to `markdownlint-cli2 FILE`,
 *                                 start-up included
 *
 * Figures only, like the rest of the benchmark: nothing here passes or fails.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lint } from 'markdownlint/sync';
import { LspClient } from '../test/support/lspClient';

const ROOT = path.resolve(__dirname, '..');

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** One line of figures under a heading of the benchmark's output, the labels in one column. */
export function row(label: string, figures: string): string {
  return `  ${label.padEnd(38)}${figures}`;
}

/**
 * One character typed into an entry's title → the pulled diagnostics of that version, through the real
 * server, at `edits` entries spread over the file; next to one markdownlint pass over the same text.
 * The server handles messages in order, so the pull sent after a didChange answers for that version.
 */
export async function benchProtocolTyping(name: string, text: string, edits: number, markdownlintRuns: number): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'surveyor-bench-lsp-'));
  const client = new LspClient();
  let firstPull: number;
  const typing: number[] = [];
  const lines = text.split(/\r?\n/);
  const entryLines = lines.flatMap((line, n) => (/^\s*\d+[.)] \S/.test(line) ? [n] : []));
  try {
    await client.initialize({ rootPath: dir, cacheDir: path.join(dir, 'cache') });
    const uri = `file://${dir}/README.md`;
    let version = 1;
    const start = performance.now();
    await client.open(uri, text, version);
    await client.pullDiagnostics(uri);
    firstPull = performance.now() - start;
    // Past the item's number and any markup opening the title (`[**`, `"`), so that the character lands
    // in the title's text; each edit is on a line of its own, so positions from the original text hold.
    for (let i = 0; i < edits && entryLines.length > 0; i++) {
      const line = entryLines[Math.floor((i * entryLines.length) / edits)]!;
      const at = { line, character: /^\s*\d+[.)] [[*_"“]*/.exec(lines[line]!)![0].length };
      const t0 = performance.now();
      await client.change(uri, ++version, [{ range: { start: at, end: at }, text: 'x' }]);
      await client.pullDiagnostics(uri);
      typing.push(performance.now() - t0);
    }
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }

  // The server is idle by now, so the two do not share the cores.
  const mdl = Array.from({ length: markdownlintRuns }, () => {
    const t0 = performance.now();
    lint({ strings: { [name]: text } });
    return performance.now() - t0;
  });
  const ours = median(typing);
  const theirs = median(mdl);
  console.log(`\n${name} through the protocol (node dist/server.js --stdio): ${(text.length / 1e6).toFixed(2)} MB, ${entryLines.length} entries`);
  console.log(row('didOpen -> first pulled diagnostics', `${firstPull.toFixed(1)} ms (cold)`));
  console.log(row('one character -> pulled diagnostics', `median ${ours.toFixed(2)} ms, max ${Math.max(...typing).toFixed(2)} ms over ${typing.length} edits`));
  console.log(row('markdownlint, one pass, same text', `median ${theirs.toFixed(1)} ms over ${markdownlintRuns} runs`));
  console.log(row('ratio typing / markdownlint', `${(ours / theirs).toFixed(4)}  (target <= 0.02)`));
}

interface ProcessRun {
  ms: number;
  status: number | null;
}

function runProcess(args: string[], cwd: string, env: NodeJS.ProcessEnv): ProcessRun {
  const t0 = performance.now();
  const result = spawnSync(process.execPath, args, { cwd, env, stdio: 'ignore' });
  return { ms: performance.now() - t0, status: result.status };
}

/**
 * Each file checked cold by a whole `node` process, Surveyor's CLI and markdownlint-cli2 in turn,
 * `runs` times, from a temporary directory holding only a copy of the file: no `.surveyor.json` and
 * no markdownlint configuration, so both use their defaults. Exit status 1 is findings for both.
 */
export function benchColdProcesses(files: { label: string; file: string }[], runs: number): void {
  const cli = path.join(ROOT, 'dist', 'cli.js');
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', 'markdownlint-cli2', 'package.json'), 'utf8')) as { version: string; bin: Record<string, string> };
  const mdlBin = path.join(ROOT, 'node_modules', 'markdownlint-cli2', pkg.bin['markdownlint-cli2']!);
  // Children get no NODE_OPTIONS (a loader there would be start-up time neither tool has for users).
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'surveyor-bench-cold-'));

  type Row = { label: string; kb: string; ours: number; theirs: number; note: string };
  const rows: Row[] = [];
  try {
    for (const { label, file } of files) {
      const name = path.basename(file);
      fs.copyFileSync(file, path.join(dir, name));
      const ours: ProcessRun[] = [];
      const theirs: ProcessRun[] = [];
      // Alternated, so that a noisy moment on the machine falls on both.
      for (let i = 0; i < runs; i++) {
        ours.push(runProcess([cli, 'check', name], dir, env));
        theirs.push(runProcess([mdlBin, name], dir, env));
      }
      fs.rmSync(path.join(dir, name));
      const odd = (all: ProcessRun[], tool: string) => [...new Set(all.map((r) => r.status).filter((s) => s !== 0 && s !== 1))].map((s) => `${tool} exited ${s}`);
      rows.push({
        label,
        kb: `${Math.round(fs.statSync(file).size / 1000)} KB`,
        ours: median(ours.map((r) => r.ms)),
        theirs: median(theirs.map((r) => r.ms)),
        note: [...odd(ours, 'surveyor'), ...odd(theirs, 'markdownlint-cli2')].join(', '),
      });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  const header = ['file', 'size', 'surveyor', 'markdownlint-cli2', 'ratio'];
  const cells = rows.map((r) => [r.label, r.kb, `${r.ours.toFixed(0)} ms`, `${r.theirs.toFixed(0)} ms`, (r.ours / r.theirs).toFixed(2)]);
  const widths = header.map((h, c) => Math.max(h.length, ...cells.map((line) => line[c]!.length)));
  const format = (line: string[]) => '  ' + line.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  console.log(`\nCold check, whole process (node dist/cli.js check FILE vs markdownlint-cli2 ${pkg.version} FILE), median of ${runs} runs, defaults`);
  console.log(format(header));
  console.log('  ' + widths.map((w) => '-'.repeat(w)).join('  '));
  rows.forEach((r, i) => console.log(format(cells[i]!) + (r.note ? `  (${r.note})` : '')));
  const below = rows.filter((r) => r.ours < r.theirs).length;
  console.log(`  ${below} of ${rows.length} files below markdownlint-cli2's time (target: all; ratio < 1)`);
}
