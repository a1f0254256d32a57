import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { version } from '../../package.json';
import { ROOT } from '../support/fixtures';

/** `surveyor-language-server` (the npm bin, dist/server.js) as Neovim, Helix and Emacs start it: with no arguments. */
const SERVER = path.join(ROOT, 'dist', 'server.js');

describe('the server command line', () => {
  it('with no arguments serves LSP on stdio', { timeout: 10_000 }, async () => {
    const child = spawn(process.execPath, [SERVER], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    connection.listen();
    try {
      const answer = await Promise.race([
        connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null }) as Promise<{ serverInfo?: { name: string; version: string } }>,
        exited.then((code) => assert.fail(`the server exited (${code}) instead of answering: ${stderr.trim()}`)),
      ]);
      assert.deepEqual(answer.serverInfo, { name: 'surveyor', version });
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      assert.equal(await exited, 0);
    } finally {
      connection.dispose();
      child.kill();
    }
  });

  it('--version and --help print one line and exit 0', () => {
    assert.equal(execFileSync(process.execPath, [SERVER, '--version'], { encoding: 'utf8', timeout: 5000 }), `${version}\n`);
    const help = execFileSync(process.execPath, [SERVER, '--help'], { encoding: 'utf8', timeout: 5000 });
    assert.match(help, /^Usage: surveyor-language-server \[--stdio \| --node-ipc \| --socket=PORT \| --pipe=NAME\].*\n$/);
    assert.equal(help.split('\n').length, 2);
  });
});
