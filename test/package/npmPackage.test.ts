/**
 * The CLI as an npm package, as a user gets it: `npm pack` (which builds the
 * production bundles), then an offline install of the tarball into an empty
 * project, then the two commands it installs. Offline works only because the
 * package has no dependencies: everything it runs is in its bundles.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  createProtocolConnection,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { manifest, npm, outsideNpm, ROOT, run, SURVEY_WITH_A_GAP, tempDir } from './support';

/** What the package may hold: the bundles, data/, the README's images and icon, the docs. */
const ALLOWED = /^(dist\/(browser\/)?(cli|server|extension)\.js|data\/[\w./-]+|docs\/images\/[\w-]+\.png|images\/icon\.png|README\.md|CHANGELOG\.md|LICENSE|package\.json)$/;

describe('the npm package', () => {
  let work: string;
  let project: string;
  let packed: { filename: string; size: number; files: { path: string }[] };

  before(() => {
    work = tempDir('npm-package');
    const tarballs = path.join(work, 'tarballs');
    project = path.join(work, 'project');
    fs.mkdirSync(tarballs);
    fs.mkdirSync(project);
    // --json prints the tarball's report; the prepack build's output goes to stderr with --silent.
    packed = (JSON.parse(npm(['pack', '--json', '--silent', '--pack-destination', tarballs], ROOT)) as (typeof packed)[])[0];
    fs.writeFileSync(path.join(project, 'package.json'), '{}\n');
    npm(['install', '--offline', '--no-audit', '--no-fund', path.join(tarballs, packed.filename)], project);
  });

  after(() => fs.rmSync(work, { recursive: true, force: true }));

  it('holds the bundles, data/ and the docs, and no tests, sources, source maps or node_modules', () => {
    const files = packed.files.map((f) => f.path);
    for (const file of files) assert.match(file, ALLOWED, `${file} is not something the package runs or documents`);
    for (const needed of ['dist/cli.js', 'dist/server.js', 'data/surveyor.schema.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'package.json']) {
      assert.ok(files.includes(needed), `the package lacks ${needed}`);
    }
    assert.ok(!files.some((f) => /^(test|server\/src|client|node_modules)\//.test(f) || f.endsWith('.map') || f.endsWith('.ts')));
    // A bound that a stray folder (node_modules, a screenshot set, dist-test/) would break.
    // The web worker server travels too (one `files` list makes the .vsix and the tarball): ~1.2 MB.
    assert.ok(packed.size < 1_500_000, `the tarball is ${packed.size} bytes`);
  });

  it('installs offline as a single package: it depends on nothing at run time', () => {
    assert.deepEqual(manifest.dependencies ?? {}, {}, 'package.json "dependencies" must stay empty: esbuild bundles them');
    const installed = fs.readdirSync(path.join(project, 'node_modules')).filter((name) => !name.startsWith('.'));
    assert.deepEqual(installed, [manifest.name]);
  });

  it('links its commands, each a Node script (paper-surveyor, the package name, is what npx runs)', () => {
    for (const command of ['surveyor', 'paper-surveyor', 'surveyor-language-server']) {
      const bin = path.join(project, 'node_modules', '.bin', command);
      assert.ok(fs.existsSync(bin), `no ${command} in node_modules/.bin`);
      assert.match(fs.readFileSync(bin, 'utf8').slice(0, 40), /^#!\/usr\/bin\/env node\n/, `${command} has no #! line`);
    }
  });

  it('surveyor --version prints the package version', () => {
    const { status, stdout, stderr } = run(path.join(project, 'node_modules', '.bin', 'surveyor'), ['--version'], project);
    assert.equal(status, 0, stderr);
    assert.match(stdout, new RegExp(`\\b${manifest.version.replaceAll('.', '\\.')}\\b`));
  });

  it('surveyor check finds the defect and exits 1 when its rule is an error', () => {
    fs.writeFileSync(path.join(project, 'survey.md'), SURVEY_WITH_A_GAP);
    fs.writeFileSync(path.join(project, '.surveyor.json'), JSON.stringify({ rules: { 'list-numbering': 'error' } }));
    const { status, stdout, stderr } = run(path.join(project, 'node_modules', '.bin', 'surveyor'), ['check', '--format', 'json', 'survey.md'], project);
    assert.equal(status, 1, `exit status ${status}; stderr: ${stderr}`);
    const findings = JSON.parse(stdout) as { file: string; line: number; severity: string; code: string }[];
    assert.deepEqual(
      findings.map((f) => [f.file, f.line, f.severity, f.code]),
      [['survey.md', 6, 'error', 'list-numbering']],
    );
  });

  it('surveyor-language-server, started with no arguments, speaks LSP on stdio: initialize, shutdown, exit', async () => {
    const server = spawn(path.join(project, 'node_modules', '.bin', 'surveyor-language-server'), [], { cwd: project, env: outsideNpm(), stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    server.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
    const died = exited.then((code) => {
      throw new Error(`the server exited (${code}) before answering: ${stderr.slice(0, 400)}`);
    });
    died.catch(() => undefined); // raced below; once the server exits as asked, nobody awaits it
    const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
    // What a minimal editor answers; the server may ask before it answers initialize's successors.
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.listen();
    try {
      const result = await Promise.race([
        connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { settings: { surveyor: { arxiv: { online: false } } } } }),
        died,
      ]);
      assert.ok(result.capabilities.textDocumentSync, 'the server announces no text document sync');
      assert.ok(result.capabilities.hoverProvider, 'the server announces no hover');
      await connection.sendNotification(InitializedNotification.type, {});
      await Promise.race([connection.sendRequest(ShutdownRequest.type), died]);
      await connection.sendNotification(ExitNotification.type);
      assert.equal(await exited, 0, stderr);
    } finally {
      connection.dispose();
      server.kill();
    }
  });
});
