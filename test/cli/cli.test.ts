import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { RULE_CODES } from '../../shared/settings';
import { REFERENCE_SURVEY, ROOT } from '../support/fixtures';
import { GAPPY, GAPPY_FIXED, repo } from './support';

const CLI = path.join(ROOT, 'dist', 'cli.js');

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout.trim(), stderr: r.stderr.trim() };
}


describe('surveyor check', () => {
  it('prints file:line:col severity code message, a summary line on stderr, and exits 1 on warnings (--fail-on warning by default)', () => {
    const dir = repo({ 'README.md': GAPPY });
    const r = run(['check', 'README.md'], dir);
    assert.equal(r.status, 1);
    assert.deepEqual(r.stdout.split('\n'), [
      'README.md:5:1 warning list-numbering List numbering: expected 3, found 4.',
      'README.md:9:1 warning list-numbering List numbering: expected 1, found 2.',
    ]);
    assert.equal(r.stderr, '2 warnings in 1 file');
  });

  it('exits 1 when a finding is an error (severity from .surveyor.json)', () => {
    const dir = repo({ 'README.md': GAPPY, '.surveyor.json': JSON.stringify({ rules: { 'list-numbering': 'error' } }) });
    const r = run(['check', 'README.md'], dir);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /README.md:5:1 error list-numbering/);
  });

  it('finds .surveyor.json above the file, up to the repository root', () => {
    const dir = repo({ '.surveyor.json': JSON.stringify({ rules: { 'list-numbering': 'off' } }) });
    fs.mkdirSync(path.join(dir, 'docs'));
    fs.writeFileSync(path.join(dir, 'docs', 'README.md'), GAPPY);
    assert.equal(run(['check', 'docs/README.md'], dir).stdout, '');
  });

  it('refuses a malformed .surveyor.json: exit 2, the file and the reason on one line, nothing checked', () => {
    const dir = repo({ 'README.md': GAPPY, '.surveyor.json': '{ "rules": { "list-numbering": "error", } }' });
    const r = run(['check', 'README.md'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^surveyor: \.surveyor\.json: not valid JSON \(line 1, column \d+\)$/);
    assert.equal(r.stdout, '');
  });

  it('--fix renumbers, writes the file back and reports what is left', () => {
    const dir = repo({ 'README.md': GAPPY });
    const r = run(['check', '--fix', 'README.md'], dir);
    assert.equal(r.status, 0);
    assert.equal(r.stdout, '');
    assert.equal(fs.readFileSync(path.join(dir, 'README.md'), 'utf8'), GAPPY_FIXED);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['.git', 'README.md'], 'no temporary file left behind');
  });

  it('--format json gives the findings as data', () => {
    const dir = repo({ 'README.md': GAPPY });
    const findings = JSON.parse(run(['check', '--format', 'json', 'README.md'], dir).stdout);
    assert.deepEqual(findings[0], {
      file: 'README.md', line: 5, column: 1, endLine: 5, endColumn: 2, severity: 'warning', code: 'list-numbering', message: 'List numbering: expected 3, found 4.',
    });
  });

  it('--format github prints workflow annotations', () => {
    const dir = repo({ 'README.md': GAPPY });
    assert.equal(
      run(['check', '--format=github', 'README.md'], dir).stdout.split('\n')[0],
      '::warning file=README.md,line=5,col=1,endLine=5,endColumn=2,title=surveyor list-numbering::List numbering: expected 3, found 4.',
    );
  });

  it('--quiet leaves out hints and information', () => {
    const dir = repo({ 'README.md': GAPPY, '.surveyor.json': JSON.stringify({ rules: { 'list-numbering': 'info' } }) });
    assert.match(run(['check', 'README.md'], dir).stdout, /info list-numbering/);
    assert.equal(run(['check', '--quiet', 'README.md'], dir).stdout, '');
  });

  for (const [what, files, arg, message] of [
    ['a missing file', {}, 'nope.md', /nope.md: no such file/],
    ['a folder without a survey', {}, '.', /^surveyor: \.: no survey files in this folder/],
    ['a binary file', { 'README.md': Buffer.from([0x31, 0x2e, 0x20, 0x00, 0xff]) }, 'README.md', /looks binary/],
    ['a file that is not UTF-8', { 'README.md': Buffer.from('1. caf\xe9\n3. x\n', 'latin1') }, 'README.md', /not valid UTF-8/],
  ] as const) {
    it(`${what}: one clear line, exit 2, nothing written`, () => {
      const dir = repo({ ...files, 'other.md': GAPPY });
      const before = fs.readdirSync(dir).map((f) => [f, fs.statSync(path.join(dir, f)).isFile() ? fs.readFileSync(path.join(dir, f)).toString('hex') : 'dir']);
      const r = run(['check', '--fix', 'other.md', arg], dir);
      assert.equal(r.status, 2);
      assert.match(r.stderr, message);
      assert.equal(r.stderr.split('\n').length, 1);
      const after = fs.readdirSync(dir).map((f) => [f, fs.statSync(path.join(dir, f)).isFile() ? fs.readFileSync(path.join(dir, f)).toString('hex') : 'dir']);
      assert.deepEqual(after, before);
    });
  }

  it('a usage error is one line and exit 2; --help is the usage on stdout and exit 0', () => {
    const r = run(['check', '--format', 'xml', 'README.md'], os.tmpdir());
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'surveyor: --format takes text, json, github, sarif, not "xml"; see surveyor --help');
    const help = run(['--help'], os.tmpdir());
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: surveyor check/);
    assert.equal(help.stderr, '');
  });

  it('npm start: the bundled sample shows one finding of each kind it was written with, and the demo does not fail', () => {
    // The arguments `npm start` gives the CLI, read from package.json so that the test runs what a new user runs.
    const start: string = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts.start;
    const args = start.split('node dist/cli.js ')[1]!.split(' ');
    const r = run(args, ROOT);
    assert.equal(r.status, 0, r.stderr);
    const codes = new Set(r.stdout.split('\n').map((line) => line.split(' ')[2]));
    assert.deepEqual([...codes].sort(), [
      'arxiv-url-style',
      'author-format',
      'broken-anchor',
      'duplicate-entry',
      'inconsistent-listing',
      'list-numbering',
      'malformed-link',
      'toc-missing-heading',
      'venue-typo',
      'year-mismatch',
    ]);
  });

  it('on the reference survey with two gaps and only list-numbering on: reports exactly those two, and --fix touches nothing else', () => {
    const original = fs.readFileSync(REFERENCE_SURVEY, 'utf8');
    const lines = original.split('\n');
    // Delete entry 4 of "Text Prompt-driven" and entry 7 of "Generated content-based approaches".
    const first = lines.findIndex((l) => l.startsWith('4. It is all about where you start'));
    const second = lines.findIndex((l) => l.startsWith('7. Flipda'));
    const gappy = lines.filter((_, i) => i !== first && i !== second);
    // Only numbering is under test here: the survey's other defects have their own test.
    const onlyNumbering = Object.fromEntries(RULE_CODES.map((code) => [code, code === 'list-numbering' ? 'warning' : 'off']));
    const dir = repo({ 'README.md': gappy.join('\n'), '.surveyor.json': JSON.stringify({ rules: onlyNumbering }) });
    const r = run(['check', 'README.md'], dir);
    assert.deepEqual(r.stdout.split('\n'), [
      `README.md:${first + 1}:1 warning list-numbering List numbering: expected 4, found 5.`,
      `README.md:${second}:1 warning list-numbering List numbering: expected 7, found 8.`,
    ]);
    run(['check', '--fix', 'README.md'], dir);
    const fixed = fs.readFileSync(path.join(dir, 'README.md'), 'utf8').split('\n');
    assert.equal(fixed.length, gappy.length);
    fixed.forEach((line, i) => {
      // Only the leading number may change.
      assert.equal(line.replace(/^\d+/, '#'), gappy[i]!.replace(/^\d+/, '#'), `line ${i + 1}`);
    });
    assert.equal(run(['check', 'README.md'], dir).stdout, '');
  });

  it('reports links to repository files that are not there, and nothing for a README outside a checkout', () => {
    const text = '# S\n\nSee [cite](./images/cite.txt) and ![fig](img/fig.png).\n';
    const dir = repo({ 'README.md': text });
    fs.mkdirSync(path.join(dir, 'img'));
    fs.writeFileSync(path.join(dir, 'img', 'fig.png'), '');
    assert.deepEqual(run(['check', 'README.md'], dir).stdout.trim().split('\n'), [
      'README.md:3:12 warning missing-file No file "./images/cite.txt" in the repository: the link leads to a missing page on GitHub.',
    ]);
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'surveyor-copy-'));
    fs.writeFileSync(path.join(copy, 'README.md'), text);
    assert.equal(run(['check', 'README.md'], copy).stdout, '');
  });

  it('on the reference survey: prints exactly its real defects (one of them twice: a copied code link) and the 8 titles the bundled snapshot disagrees with, as the editor does, top to bottom; --fix repairs the certain ones', () => {
    // The survey's own repository has the images it shows; a checkout without them gets missing-file (tested below).
    const dir = repo({ 'README.md': fs.readFileSync(REFERENCE_SURVEY, 'utf8') });
    fs.mkdirSync(path.join(dir, 'img'));
    for (const image of ['logo.png', 'framework.png', 'evolution-tree.png']) fs.writeFileSync(path.join(dir, 'img', image), '');
    const r = run(['check', 'README.md'], dir);
    assert.equal(r.status, 1);
    const sbert = 'https://www.sbert.net/examples/training/data_augmentation/README.html';
    assert.deepEqual(r.stdout.split('\n'), [
      `README.md:39:17 warning broken-anchor Anchor #Approaches differs from #approaches only in case: github.com's page script forgives that, but npm, GitLab, PyPI and VS Code's preview do not, so the link leads nowhere there.`,
      'README.md:55:19 warning broken-anchor No heading has the anchor #top-k-selectiong: the closest is #top-k-selection ("Top-K Selection").',
      `README.md:61:19 warning broken-anchor Anchor #Contributing differs from #contributing only in case: github.com's page script forgives that, but npm, GitLab, PyPI and VS Code's preview do not, so the link leads nowhere there.`,
      'README.md:77:84 warning venue-typo Unknown venue "arKiv": did you mean "arXiv"? (Add real venues Surveyor does not know to "venues" in .surveyor.json.)',
      'README.md:78:95 warning venue-typo Unknown venue "arKiv": did you mean "arXiv"? (Add real venues Surveyor does not know to "venues" in .surveyor.json.)',
      `README.md:80:4 info title-mismatch Title differs from arXiv's for 2304.14530: arXiv has "Generating images of rare concepts using pre-trained diffusion models".`,
      `README.md:116:4 info title-mismatch Title differs from arXiv's for 2311.17121: arXiv has "ScribbleGen: Generative Data Augmentation Improves Scribble-supervised Semantic Segmentation".`,
      `README.md:148:5 info title-mismatch Title differs from arXiv's for 2310.01119: arXiv has "Synthetic Data Generation in Low-Resource Settings via Fine-Tuning of Large Language Models".`,
      `README.md:154:4 info title-mismatch Title differs from arXiv's for 2302.13007: arXiv has "AugGPT: Leveraging ChatGPT for Text Data Augmentation".`,
      "README.md:158:106 warning author-format BibTeX escape in the author list, shown literally on GitHub: {\\'a} → á.",
      `README.md:186:4 info title-mismatch Title differs from arXiv's for 2302.13007: arXiv has "AugGPT: Leveraging ChatGPT for Text Data Augmentation".`,
      `README.md:216:142 info inconsistent-listing Listed differently elsewhere: no code link here, ${sbert} on line 139.`,
      `README.md:217:171 info inconsistent-listing Listed differently elsewhere: code link ${sbert} here, https://github.com/zetaalphavector/inpars on lines 161 and 256.`,
      'README.md:217:171 hint copied-code-link Same code link as a different paper on line 139 ("Augmented sbert: Data augmentation method for improving b…"): a copied line? Expected this paper\'s own code link, or none.',
      `README.md:224:4 info title-mismatch Title differs from arXiv's for 2304.14530: arXiv has "Generating images of rare concepts using pre-trained diffusion models".`,
      `README.md:228:4 info title-mismatch Title differs from arXiv's for 2309.07909: arXiv has "DiffAug: Enhance Unsupervised Contrastive Learning with Domain-Knowledge-Free Diffusion-based Data Augmentation".`,
      'README.md:228:219 warning malformed-link Link group closed with "}": expected "]" to match the "[" that opens "[[".',
      `README.md:238:4 info title-mismatch Title differs from arXiv's for 2311.17121: arXiv has "ScribbleGen: Generative Data Augmentation Improves Scribble-supervised Semantic Segmentation".`,
      "README.md:250:106 warning author-format BibTeX escape in the author list, shown literally on GitHub: {\\'a} → á.",
    ]);

    run(['check', '--fix', 'README.md'], dir);
    const before = fs.readFileSync(REFERENCE_SURVEY, 'utf8').split('\n');
    const after = fs.readFileSync(path.join(dir, 'README.md'), 'utf8').split('\n');
    assert.equal(after.length, before.length);
    const changed = before.flatMap((line, i) => (line === after[i] ? [] : [`${i + 1}: ${diff(line, after[i]!)}`]));
    assert.deepEqual(changed, [
      '39: A → a',
      '55: g → ',
      '61: C → c',
      '77: K → X',
      '78: K → X',
      "158: {\\'a} → á",
      '228: } → ]',
      "250: {\\'a} → á",
    ]);
    // What is left needs a person: which code link is right.
    assert.deepEqual(run(['check', '--quiet', 'README.md'], dir).stdout, '');
  });
});

/** The part of a line that changed, as `old → new` (common prefix and suffix left out). */
function diff(before: string, after: string): string {
  let start = 0;
  while (start < before.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return `${before.slice(start, before.length - end)} → ${after.slice(start, after.length - end)}`;
}
