import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { lineIndexOf, openSurvey, surveyorDiagnostics } from './surveyDocument';

/**
 * What only the desktop extension has: a server that is a Node process of its
 * own (killed here and started again by the client), and the environment the
 * launcher sets on the extension host.
 */
describe('Surveyor on the desktop', () => {
  it('works in Restricted Mode, as a freshly cloned survey opens', function () {
    if (process.env.SURVEYOR_EXPECT_RESTRICTED !== '1') this.skip();
    assert.equal(vscode.workspace.isTrusted, false, 'the workspace is untrusted');
    assert.ok(vscode.languages.getDiagnostics().some(([, ds]) => ds.some((d) => d.source === 'surveyor')), 'Surveyor reports on the untrusted survey');
  });
});

describe('Surveyor when its server dies', () => {
  it('starts the server again, and diagnostics follow the next edit', async () => {
    const document = await openSurvey();
    const killed = surveyorServerPid();
    assert.ok(killed, 'the Surveyor server runs as a child of the extension host');
    process.kill(killed, 'SIGKILL');
    const line = lineIndexOf(document, '3. Diffusion-based data augmentation for nuclei image segmentation');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(line, 0, line, 1), '8');
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      const found = await surveyorDiagnostics(document.uri, (ds) => ds.some((d) => d.code === 'list-numbering' && d.range.start.line === line));
      assert.equal(found.find((d) => d.range.start.line === line)!.message, 'List numbering: expected 3, found 8.');
      const restarted = surveyorServerPid();
      assert.ok(restarted && restarted !== killed, `a new server process (was ${killed}, now ${restarted})`);
    } finally {
      const undo = new vscode.WorkspaceEdit();
      undo.replace(document.uri, new vscode.Range(line, 0, line, 1), '3');
      await vscode.workspace.applyEdit(undo);
    }
  });
});

/** The process id of the Surveyor server this extension host started (vscode-languageclient passes it our pid), from /proc. */
function surveyorServerPid(): number | undefined {
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let args: string[];
    try {
      args = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue; // the process ended while we looked
    }
    if (args.some((a) => a.endsWith(`${path.sep}dist${path.sep}server.js`)) && args.includes(`--clientProcessId=${process.pid}`)) return Number(entry);
  }
  return undefined;
}
