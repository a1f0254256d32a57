/**
 * The release workflow cannot run here (it publishes): what can be checked
 * is that GitHub would read it as meant: the trigger, the order of its steps,
 * the secrets each publishing step gets, and that every tool it runs with npx
 * is an exact-version devDependency (so a release runs the vsce and ovsx that
 * were tested, not whatever is newest that day).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../support/fixtures';
import { readWorkflow } from '../support/workflows';

const workflow = readWorkflow('release.yml');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string>; dependencies?: Record<string, string> };
const jobs = Object.values(workflow.jobs);
const steps = jobs.flatMap((job) => job.steps);

/** The index of the one step whose `run` matches. */
function stepIndex(pattern: RegExp): number {
  const found = steps.flatMap((step, i) => (step.run && pattern.test(step.run) ? [i] : []));
  assert.equal(found.length, 1, `exactly one step runs ${pattern}; found ${found.length}`);
  return found[0];
}

/** The command each devDependency installs in node_modules/.bin → the package. */
function binaries(): Map<string, string> {
  const bins = new Map<string, string>();
  for (const name of Object.keys(manifest.devDependencies)) {
    const file = path.join(ROOT, 'node_modules', name, 'package.json');
    if (!fs.existsSync(file)) continue;
    const bin = (JSON.parse(fs.readFileSync(file, 'utf8')) as { bin?: string | Record<string, string> }).bin;
    if (typeof bin === 'string') bins.set(name.replace(/^@[^/]+\//, ''), name);
    else for (const command of Object.keys(bin ?? {})) bins.set(command, name);
  }
  return bins;
}

describe('the release workflow', () => {
  it('runs on version tags only', () => {
    assert.deepEqual(workflow.on.push?.tags, ['v*.*.*']);
    assert.equal(workflow.on.push?.branches, undefined);
  });

  it('runs on a Node the pinned ovsx accepts (its engines field)', () => {
    const setup = steps.find((step) => step.uses?.startsWith('actions/setup-node'));
    const engines = (JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', 'ovsx', 'package.json'), 'utf8')) as { engines?: { node?: string } }).engines?.node ?? '';
    const needed = Number(/(\d+)/.exec(engines)?.[1] ?? 0);
    assert.ok(Number(setup?.with?.['node-version']) >= needed, `setup-node ${String(setup?.with?.['node-version'])}, ovsx needs ${engines}`);
  });

  it('may write contents (the release, the action tag) and mint an id token (npm provenance)', () => {
    const [job] = jobs;
    assert.equal(jobs.length, 1);
    assert.equal(job.permissions?.contents, 'write');
    assert.equal(job.permissions?.['id-token'], 'write');
  });

  it('pins every action by at least its major version', () => {
    for (const step of steps.filter((s) => s.uses)) assert.match(step.uses!, /@(v\d+(\.\d+)*|[0-9a-f]{40})$/, step.uses);
  });

  it('installs, tests and packages before it publishes anything', () => {
    const install = stepIndex(/^npm ci\b/);
    const test = stepIndex(/^npm test$/);
    const pack = stepIndex(/vsce package/);
    const publishes = [/vsce publish/, /ovsx publish/, /npm publish/, /gh release (create|upload)/, /git push/].map(stepIndex);
    assert.ok(install < test && test < pack, 'npm ci, then npm test, then the package');
    for (const publish of publishes) assert.ok(publish > pack, `${steps[publish].name} runs after packaging`);
  });

  it('publishes the one .vsix it packaged, to the Marketplace and Open VSX, each with its own secret', () => {
    const pack = steps[stepIndex(/vsce package/)];
    assert.match(pack.run!, /--out surveyor\.vsix\b/);
    const marketplace = steps[stepIndex(/vsce publish/)];
    assert.match(marketplace.run!, /--packagePath surveyor\.vsix\b/);
    assert.equal(marketplace.env?.VSCE_PAT, '${{ secrets.VSCE_PAT }}');
    const openVsx = steps[stepIndex(/ovsx publish/)];
    assert.match(openVsx.run!, /ovsx publish surveyor\.vsix -p "\$OVSX_PAT"/);
    assert.equal(openVsx.env?.OVSX_PAT, '${{ secrets.OVSX_PAT }}');
  });

  it("points the packaged README's relative images at the tag's files (VS Code's extension page shows only http(s) images)", () => {
    const pack = steps[stepIndex(/vsce package/)].run!;
    assert.doesNotMatch(pack, /--no-rewrite-relative-links/);
    assert.match(pack, /--baseImagesUrl "\$GITHUB_SERVER_URL\/\$GITHUB_REPOSITORY\/raw\/\$GITHUB_REF_NAME"/);
  });

  it('publishes the CLI to npm with provenance and the npm token, skipping a version npm already has (a re-run)', () => {
    const npm = steps[stepIndex(/npm publish/)];
    assert.match(npm.run!, /npm publish --provenance\b/);
    assert.match(npm.run!, /npm view .*version[\s\S]*then[\s\S]*else\s+npm publish/);
    assert.equal(npm.env?.NODE_AUTH_TOKEN, '${{ secrets.NPM_TOKEN }}');
    assert.ok(steps.some((s) => s.uses?.startsWith('actions/setup-node@') && s.with?.['registry-url'] === 'https://registry.npmjs.org'), 'setup-node writes the .npmrc that reads NODE_AUTH_TOKEN');
  });

  it('attaches the .vsix to the GitHub release with the workflow token', () => {
    const release = steps[stepIndex(/gh release (create|upload)/)];
    assert.match(release.run!, /gh release create "\$GITHUB_REF_NAME" surveyor\.vsix/);
    assert.equal(release.env?.GH_TOKEN, '${{ github.token }}');
  });

  it('commits the built dist/ on a detached release commit and moves the major tag to it (dist/ stays out of main)', () => {
    const run = steps[stepIndex(/git push/)].run!;
    const order = [/git checkout --detach/, /git add --force dist\//, /git commit/, /git tag --force "\$major"/, /git push --force origin "refs\/tags\/\$major"/].map((p) => run.search(p));
    assert.ok(order.every((at) => at >= 0), `the step lacks one of its commands: ${order}`);
    assert.deepEqual([...order].sort((a, b) => a - b), order, 'detach, add dist/, commit, tag, push: in that order');
    assert.match(run, /major="\$\{GITHUB_REF_NAME%%\.\*\}"/);
    assert.match(fs.readFileSync(path.join(ROOT, '.gitignore'), 'utf8'), /^dist\/$/m);
  });

  it('names no secret other than the three publishing tokens', () => {
    const text = fs.readFileSync(path.join(ROOT, '.github', 'workflows', 'release.yml'), 'utf8');
    const secrets = new Set([...text.matchAll(/secrets\.(\w+)/g)].map((m) => m[1]));
    assert.deepEqual([...secrets].sort(), ['NPM_TOKEN', 'OVSX_PAT', 'VSCE_PAT']);
  });

  it('runs with npx only tools that are exact-version devDependencies', () => {
    const bins = binaries();
    const tools = steps.flatMap((s) => [...(s.run ?? '').matchAll(/\bnpx\s+(?:--?[\w-]+\s+)*([@\w./-]+)/g)].map((m) => m[1]));
    assert.ok(tools.includes('vsce') && tools.includes('ovsx'), `npx runs ${tools.join(', ')}`);
    for (const tool of tools) {
      const pkg = bins.get(tool);
      assert.ok(pkg, `npx ${tool}: no devDependency installs a "${tool}" command`);
      assert.match(manifest.devDependencies[pkg], /^\d+\.\d+\.\d+$/, `${pkg} is pinned to an exact version, not "${manifest.devDependencies[pkg]}"`);
    }
  });
});
