import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../support/fixtures';
import { readWorkflow } from '../support/workflows';

describe('the GitHub Actions workflow', () => {
  const workflow = readWorkflow('ci.yml');
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);

  it('is valid YAML with jobs and steps', () => {
    assert.ok(steps.length > 0);
    for (const step of steps) assert.ok(step.uses || step.run, JSON.stringify(step));
  });

  it('type-checks, runs the unit and protocol tests, and the VS Code suite with test-electron under xvfb', () => {
    const runs = steps.flatMap((s) => (s.run ? [s.run] : []));
    assert.ok(runs.includes('npm run typecheck'));
    assert.ok(runs.includes('npm test'));
    const vscode = steps.find((s) => s.run?.includes('npm run test:vscode'));
    assert.match(vscode!.run!, /^xvfb-run -a /);
    assert.equal(vscode!.env?.SURVEYOR_VSCODE_LAUNCHER, 'electron');
  });

  it('packages the .vsix and keeps it as an artifact', () => {
    assert.ok(steps.some((s) => s.run === 'npm run package'));
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-artifact'));
    assert.match(String(upload?.with?.path), /surveyor\.vsix$/);
  });

  it('runs the web suite with @vscode/test-web in Chromium, installed in the job only (it downloads a browser on install)', () => {
    const web = steps.find((s) => s.run?.includes('vscode-test-web'));
    assert.match(web!.run!, /--browserType=chromium/);
    assert.match(web!.run!, /--extensionTestsPath=dist-test\/web\/suite\.js/);
    assert.ok(steps.some((s) => /npm install --no-save .*@vscode\/test-web@\d+\.\d+\.\d+/.test(s.run ?? '')), 'installed at an exact version, not saved');
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    assert.equal(manifest.devDependencies['@vscode/test-web'], undefined, 'never a devDependency: npm ci would download Chromium');
  });

  it('runs every script it names from package.json', () => {
    const scripts = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;
    for (const run of steps.flatMap((s) => (s.run ? [s.run] : []))) {
      const script = /npm run ([\w:-]+)/.exec(run)?.[1];
      if (script) assert.ok(scripts[script], `package.json has a "${script}" script`);
    }
  });
});
