import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { ROOT } from '../support/fixtures';
import type { Workflow } from '../support/workflows';
import { GAPPY, repo } from './support';

/** docs/examples/surveyor.yml, the workflow the README tells users to copy. */
const example = parse(fs.readFileSync(path.join(ROOT, 'docs', 'examples', 'surveyor.yml'), 'utf8'), { strict: true, uniqueKeys: true }) as Workflow;

describe('docs/examples/surveyor.yml: the code-scanning job', () => {
  const steps = example.jobs['code-scanning']!.steps;
  const sarif = steps.find((step) => step.run?.includes('--format sarif'))!;
  const upload = steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'))!;

  /** The step's command as GitHub runs a `run:` on Linux (bash -e, pipefail), with the action's checkout at .surveyor. */
  function runStep(files: Record<string, string>): { status: number | null; sarif: string } {
    const dir = repo(files);
    fs.symlinkSync(ROOT, path.join(dir, '.surveyor'));
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', sarif.run!], { cwd: dir, encoding: 'utf8' });
    return { status: r.status, sarif: fs.readFileSync(path.join(dir, 'surveyor.sarif'), 'utf8') };
  }

  it('findings (exit 1) do not fail the step, so that they are uploaded', () => {
    const r = runStep({ 'README.md': GAPPY });
    assert.equal(r.status, 0);
    assert.equal(JSON.parse(r.sarif).runs[0].results.length, 2);
  });

  it('a run that could not check (exit 2) fails the step, and nothing is uploaded', () => {
    const r = runStep({ 'README.md': GAPPY, '.surveyor.json': '{ "rules": ' });
    assert.notEqual(r.status, 0);
    assert.ok(!('if' in upload), 'the upload runs only after a step that succeeded');
  });

  it('uploads with the current major of github/codeql-action', () => {
    assert.equal(upload.uses, 'github/codeql-action/upload-sarif@v4');
  });
});
