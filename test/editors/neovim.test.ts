import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FakeArxiv, FakeClock } from '../support/fakeArxiv';
import { ROOT } from '../support/fixtures';
import { ensureNeovim } from './installNeovim';

/**
 * Surveyor in a real Neovim (headless): test/editors/neovim/init.lua starts
 * the built server as a user's configuration would, and writes what it saw
 * to a JSON file, checked here. Run with `npm run test:editors` (it builds first).
 */

const SERVER = path.join(ROOT, 'dist', 'server.js');
const INIT = path.join(ROOT, 'test', 'editors', 'neovim', 'init.lua');
/** The most one run may take: Neovim and the server start in about a second, and the script waits about three. */
const RUN_TIMEOUT_MS = 60_000;

/** A paper of the bundled snapshot, and its title there. */
const SNAPSHOT_ID = '2007.06949';
const SNAPSHOT_TITLE = (JSON.parse(fs.readFileSync(path.join(ROOT, 'data', 'arxiv', 'snapshot.json'), 'utf8')) as { records: { id: string; title: string }[] }).records.find((r) => r.id === SNAPSHOT_ID)!.title;
/** A paper only the loopback arXiv knows. */
const UNKNOWN = { id: '2501.99999', title: 'A Paper Only The Loopback arXiv Knows', authors: ['Jane Doe'] };

/** One defect: the second entry is numbered 3. */
const SURVEY = `# Papers

## Speech

1. ${SNAPSHOT_TITLE}. _Tarján, B. et al._ arXiv 2020. [[paper](https://arxiv.org/abs/${SNAPSHOT_ID})]
3. ${UNKNOWN.title}. _Doe, J._ arXiv 2025. [[paper](https://arxiv.org/abs/${UNKNOWN.id})]
`;

interface Finding {
  code: string;
  severity: number;
  line: number;
}

interface Results {
  neovim: string;
  error?: string;
  first?: Finding[];
  numbering_severity?: number;
  snapshot_hover?: string;
  offline_hover?: string;
  after_push?: Finding[];
  offline_hover_later?: string;
  online_hover?: string;
}

/** Runs Neovim on the script; resolves with its results, or rejects with what went wrong (its output included). */
function runNeovim(nvim: string, env: Record<string, string>, resultsFile: string, cwd: string): Promise<Results> {
  return new Promise((resolve, reject) => {
    const child = spawn(nvim, ['--headless', '--clean', '-u', INIT], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Neovim did not finish within ${RUN_TIMEOUT_MS / 1000} s; its output: ${output.trim() || '(none)'}`));
    }, RUN_TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (!fs.existsSync(resultsFile)) return reject(new Error(`Neovim exited (${code}) without writing its results; its output: ${output.trim() || '(none)'}`));
      resolve(JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as Results);
    });
  });
}

describe('Neovim (headless) with the Surveyor language server', () => {
  let results: Results;
  let arxiv: FakeArxiv;

  before(async () => {
    const nvim = ensureNeovim();
    if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} is missing: build first (npm run build)`);
    arxiv = new FakeArxiv(new FakeClock(), [UNKNOWN]);
    const endpoint = await arxiv.start();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'surveyor-neovim-'));
    fs.mkdirSync(path.join(dir, '.git'));
    fs.writeFileSync(path.join(dir, 'README.md'), SURVEY);
    const resultsFile = path.join(dir, 'results.json');
    results = await runNeovim(
      nvim,
      {
        SURVEYOR_NODE: process.execPath,
        SURVEYOR_SERVER: SERVER,
        SURVEYOR_SURVEY: path.join(dir, 'README.md'),
        SURVEYOR_RESULTS: resultsFile,
        SURVEYOR_CACHE: path.join(dir, 'cache'),
        SURVEYOR_ENDPOINT: endpoint,
        SURVEYOR_SNAPSHOT_ID: SNAPSHOT_ID,
        SURVEYOR_UNKNOWN_ID: UNKNOWN.id,
        SURVEYOR_UNKNOWN_TITLE: UNKNOWN.title,
      },
      resultsFile,
      dir,
    );
  });
  after(() => arxiv?.stop());

  it('the script ran to its end', () => {
    assert.equal(results.error, undefined, `the Neovim script failed (Neovim ${results.neovim}): ${results.error}`);
  });

  it('diagnostics arrive, with the severity the settings sent from on_init ask for', () => {
    const numbering = results.first?.filter((f) => f.code === 'list-numbering') ?? [];
    assert.deepEqual(numbering.map((f) => [f.line, f.severity]), [[5, 1]], JSON.stringify(results.first));
  });

  it('a hover on an arXiv link shows the paper title from the bundled snapshot', () => {
    assert.ok(results.snapshot_hover?.includes(`**${SNAPSHOT_TITLE}**`), results.snapshot_hover);
    assert.match(results.snapshot_hover!, /from the bundled snapshot/);
  });

  it('a setting pushed with workspace/didChangeConfiguration is honoured: the finding goes', () => {
    assert.ok(results.after_push, 'the script got that far');
    assert.deepEqual(results.after_push.filter((f) => f.code === 'list-numbering'), []);
  });

  it('arxiv.online = false fetches nothing, not even in the background; online, the pushed endpoint is asked', () => {
    assert.match(results.offline_hover ?? '', /fetching is off/);
    assert.match(results.offline_hover_later ?? '', /fetching is off/, 'still unknown after the background fetch had its chance');
    assert.ok(results.online_hover?.includes(`**${UNKNOWN.title}**`), results.online_hover);
    assert.deepEqual(arxiv.requests.map((r) => r.ids), [[UNKNOWN.id]]);
  });
});
