import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { findConfigFile, readConfigFile } from '../../server/src/configFile';
import { MAX_JSON_FILE_BYTES } from '../../server/src/repositoryJsonFile';
import { repositoryFilesOnDisk } from '../../server/src/repositoryFilesOnDisk';
import { MAX_PROBLEMS_PER_SOURCE, resolveSettings } from '../../server/src/service/configuration';
import { MAX_COMPLETION_ITEMS } from '../../server/src/service/features/completion';
import { SurveyorLanguageService } from '../../server/src/service/languageService';
import { isSurveyPath } from '../../server/src/service/surveyFiles';
import { MAX_CATEGORIES, SHIPPED_TAXONOMY, taxonomyProblem, type Taxonomy } from '../../server/src/service/taxonomy';
import { SettingsStore } from '../../server/src/settingsStore';
import { TaxonomyFiles } from '../../server/src/taxonomyFile';
import type { WorkspaceFiles } from '../../server/src/workspaceFiles';
import { workspaceFilesOnDisk } from '../../server/src/workspaceFilesOnDisk';
import { CONFIG_FILE_NAME, defaultSettings, type SurveyorSettings } from '../../shared/settings';
import { document, withCursor } from '../support/fixtures';

/** Text that must never reach a warning: it stands for a secret in a file outside the repository. */
const SECRET = 'root:x:0:0:SECRET-TOKEN';
const A_TREE: Taxonomy = { topLevel: 2, categories: [{ name: 'Methods' }] };

let scratch: string;
let repo: string;
let outside: string;
before(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'surveyor-hostile-'));
  repo = path.join(scratch, 'repo');
  outside = path.join(scratch, 'elsewhere');
  fs.mkdirSync(path.join(repo, '.git'), { recursive: true });
  fs.mkdirSync(outside);
  fs.writeFileSync(path.join(outside, 'passwd'), `${SECRET}\n`);
  fs.writeFileSync(path.join(outside, 'tree.json'), JSON.stringify(A_TREE));
});
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** A fresh folder of the repository holding `files` (a string is written; `{ link }` is a symbolic link to that target). */
function folder(name: string, files: Record<string, string | { link: string }>): string {
  const dir = path.join(repo, name);
  fs.mkdirSync(dir);
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    if (typeof content === 'string') fs.writeFileSync(path.join(dir, file), content);
    else fs.symlinkSync(content.link, path.join(dir, file));
  }
  return dir;
}

/** Loads the taxonomy `.surveyor.json` in `dir` would name as `name`, with the warnings given. */
async function loadTaxonomy(dir: string, name: string): Promise<{ taxonomy: Taxonomy; warnings: string[] }> {
  const warnings: string[] = [];
  const settings = resolveSettings([{ source: path.join(dir, CONFIG_FILE_NAME), value: { taxonomy: name }, baseUri: URI.file(dir).toString() }]).settings;
  const taxonomies = new TaxonomyFiles(workspaceFilesOnDisk(NO_OTHER_FILES), (m) => warnings.push(m));
  await taxonomies.refresh(settings);
  return { taxonomy: taxonomies.get(settings), warnings };
}

/** A workspace without `.surveyor.json`. */
const NO_CONFIG_FILE: WorkspaceFiles = { findConfig: async () => undefined, readJson: async () => ({ problem: 'cannot be read (not found)' }) };

/** Only file: URIs are asked for here. */
const NO_OTHER_FILES: WorkspaceFiles = {
  findConfig: () => assert.fail('not a file: URI'),
  readJson: () => assert.fail('not a file: URI'),
};

const onPosix = process.platform !== 'win32';

describe('the taxonomy file .surveyor.json names', () => {
  it('is read when it is a regular file, or a link to one, inside the folder', async () => {
    const dir = folder('tree-ok', { 'data/tree.json': JSON.stringify(A_TREE), 'tree.json': { link: 'data/tree.json' } });
    for (const name of ['data/tree.json', 'tree.json']) assert.deepEqual((await loadTaxonomy(dir, name)), { taxonomy: A_TREE, warnings: [] }, name);
  });

  it('is refused when a link leads out of the folder, and the warning never quotes the file', { skip: !onPosix }, async () => {
    const dir = folder('tree-links', {
      'passwd.json': { link: path.join(outside, 'passwd') },
      'tree.json': { link: path.join(outside, 'tree.json') },
      'zero.json': { link: '/dev/zero' },
    });
    fs.symlinkSync(outside, path.join(dir, 'via-folder'));
    for (const name of ['passwd.json', 'tree.json', 'zero.json', 'via-folder/tree.json']) {
      const { taxonomy, warnings } = await loadTaxonomy(dir, name);
      assert.equal(taxonomy, SHIPPED_TAXONOMY, name);
      assert.equal(warnings.length, 1, name);
      assert.match(warnings[0]!, /a link to a file outside .*; using the shipped one\.$/, name);
      assert.ok(!warnings[0]!.includes('SECRET') && !warnings[0]!.includes('root:'), warnings[0]);
    }
  });

  it('is refused when it is not a regular file: a pipe would never answer, a device never end', { skip: !onPosix }, async () => {
    const dir = folder('tree-pipe', {});
    execFileSync('mkfifo', [path.join(dir, 'pipe.json')]);
    fs.mkdirSync(path.join(dir, 'folder.json'));
    for (const name of ['pipe.json', 'folder.json']) {
      const { taxonomy, warnings } = await loadTaxonomy(dir, name);
      assert.equal(taxonomy, SHIPPED_TAXONOMY);
      assert.deepEqual(warnings, [`${path.join(dir, name)} (the taxonomy named in .surveyor.json): not a regular file; using the shipped one.`]);
    }
  });

  it('is refused past the size cap, and a malformed one is told by line and column, not by its text', async () => {
    const big = JSON.stringify(A_TREE) + ' '.repeat(MAX_JSON_FILE_BYTES);
    const dir = folder('tree-big', { 'big.json': big, 'bad.json': `{\n  "topLevel": 2,\n  ${SECRET}\n}` });
    assert.match((await loadTaxonomy(dir, 'big.json')).warnings[0]!, /big\.json \(the taxonomy named in \.surveyor\.json\): larger than 1 MB; using the shipped one\.$/);
    const bad = (await loadTaxonomy(dir, 'bad.json')).warnings[0]!;
    assert.ok(!bad.includes('SECRET') && !bad.includes('root'), bad);
    assert.match(bad, /: not valid JSON( \(line 3, column \d+\))?; using the shipped one\.$/);
  });

  it('holds at most MAX_CATEGORIES categories, nested no deeper than headings go', async () => {
    const many = { topLevel: 2, categories: Array.from({ length: MAX_CATEGORIES + 1 }, (_, i) => ({ name: `c${i}` })) };
    assert.equal(taxonomyProblem(many), 'more than 10,000 categories');
    assert.equal(taxonomyProblem({ ...many, categories: many.categories.slice(1) }), undefined);
    // 100,000 levels: a problem, not a stack overflow.
    let deep: { name: string; children?: unknown[] } = { name: 'leaf' };
    for (let i = 0; i < 100_000; i++) deep = { name: 'x', children: [deep] };
    assert.match(taxonomyProblem({ topLevel: 1, categories: [deep] })!, /categories nest more than 7 deep/);
  });
});

describe('.surveyor.json itself', () => {
  it('is found and refused when it is a pipe or a link to one, and its size is capped', { skip: !onPosix }, () => {
    const dir = folder('config-pipe', {});
    execFileSync('mkfifo', [path.join(dir, CONFIG_FILE_NAME)]);
    const found = findConfigFile(dir);
    assert.equal(found, path.join(dir, CONFIG_FILE_NAME));
    assert.deepEqual(readConfigFile(found!), { problem: `${found}: not a regular file; using the defaults.` });
    const zero = folder('config-zero', { [CONFIG_FILE_NAME]: { link: '/dev/zero' } });
    assert.match((readConfigFile(findConfigFile(zero)!) as { problem: string }).problem, /: not a regular file; using the defaults\.$/);
    const big = folder('config-big', { [CONFIG_FILE_NAME]: `{}${' '.repeat(MAX_JSON_FILE_BYTES)}` });
    assert.match((readConfigFile(path.join(big, CONFIG_FILE_NAME)) as { problem: string }).problem, /: larger than 1 MB; using the defaults\.$/);
  });

  it('never quotes its text when it is not JSON (it may be a link to anything)', { skip: !onPosix }, () => {
    const dir = folder('config-passwd', { [CONFIG_FILE_NAME]: { link: path.join(outside, 'passwd') } });
    const { problem } = readConfigFile(path.join(dir, CONFIG_FILE_NAME)) as { problem: string };
    assert.ok(!problem.includes('SECRET') && !problem.includes('root'), problem);
    assert.match(problem, /: not valid JSON( \(line 1, column 1\))?; using the defaults\.$/);
    const comma = folder('config-comma', { [CONFIG_FILE_NAME]: '{\n  "rules": { "list-numbering": "error", }\n}' });
    assert.match((readConfigFile(path.join(comma, CONFIG_FILE_NAME)) as { problem: string }).problem, /: not valid JSON \(line 2, column 41\); using the defaults\.$/);
  });
});

describe('missing-file and links out of the checkout', () => {
  it('tells nothing about a file a link leads to outside the repository', { skip: !onPosix }, () => {
    const dir = folder('links-out', { 'README.md': '', 'secret.md': { link: path.join(outside, 'passwd') }, 'inside.md': { link: 'README.md' } });
    const uri = URI.file(path.join(dir, 'README.md')).toString();
    const files = repositoryFilesOnDisk();
    assert.equal(files.exists(uri, 'secret.md'), undefined);
    assert.equal(files.exists(uri, 'inside.md'), true);
    assert.equal(files.exists(uri, 'x'.repeat(100_000)), undefined, 'no path on disk is that long');
  });
});

/** `*a` repeated: minimatch's regular expression backtracks three times over per `*a` on a long name. */
const EXPONENTIAL_GLOB = `${'*a'.repeat(10)}b`;

describe('files globs', () => {
  it('reports a glob past the caps and keeps the others', () => {
    const { settings, problems } = resolveSettings([
      { source: 'c.json', value: { files: [EXPONENTIAL_GLOB, '**/*survey*.md', '{1..100000}.md', '+(a|aa)b', `${'x'.repeat(300)}.md`] } },
    ]);
    assert.deepEqual(settings.files, ['**/*survey*.md']);
    assert.deepEqual(problems, [
      `c.json: "files": "${EXPONENTIAL_GLOB}" is ignored: more than 2 "*" in one part of the path.`,
      'c.json: "files": "{1..100000}.md" is ignored: its braces stand for more than 64 patterns.',
      'c.json: "files": "+(a|aa)b" is ignored: extended globs such as +(a|b) are not supported.',
      `c.json: "files": "${'x'.repeat(58)}… is ignored: longer than 256 characters.`,
    ]);
  });

  it('caps the patterns of the whole list, and a list of refused globs leaves the defaults', () => {
    const braces = '{a,b}{c,d}{e,f}.md'; // 8 patterns
    const { settings, problems } = resolveSettings([{ source: 'c.json', value: { files: Array(10).fill(braces) } }]);
    assert.equal(settings.files.length, 8);
    assert.deepEqual(problems, [`c.json: "files": only the first 64 patterns (braces expanded) are used; 2 more globs from "${braces}" on are ignored.`]);
    assert.deepEqual(resolveSettings([{ source: 'c.json', value: { files: [EXPONENTIAL_GLOB] } }]).settings.files, defaultSettings().files);
  });

  it('does not run a glob past the caps, whoever hands it over', () => {
    assert.equal(isSurveyPath(`${'a'.repeat(200)}/README.md`, [EXPONENTIAL_GLOB]), false);
    assert.equal(isSurveyPath(`${'a'.repeat(300)}/README.md`, ['**/README.md']), false, 'no file name is longer than 255');
    assert.equal(isSurveyPath('docs/README.md', ['**/README.md']), true);
  });

  it('matches a document once per configuration, not on every request', async () => {
    let asked = 0;
    const store = new SettingsStore({ clientSettings: async () => undefined, workspaceFolders: () => (asked++, ['file:///ws']), files: NO_CONFIG_FILE, warn: () => {} });
    const uri = URI.file('/ws/README.md').toString();
    await store.ensure(uri);
    const before = asked;
    for (let i = 0; i < 5; i++) assert.equal(store.isSurvey(uri), true);
    assert.equal(asked - before, 1);
    store.clear();
    store.isSurvey(uri);
    assert.equal(asked - before, 2, 'a configuration change matches again');
  });
});

/** 100,000 lists, one in another. */
function deeplyNested(): unknown {
  let v: unknown = [];
  for (let i = 0; i < 100_000; i++) v = [v];
  return v;
}

/** Every known setting and sub-setting, each given `bad`. */
function everywhere(bad: unknown): Record<string, unknown> {
  return {
    rules: bad,
    numbering: bad,
    arxiv: bad,
    entry: bad,
    venues: bad,
    files: bad,
    taxonomy: bad,
    codeLens: bad,
    maxFileSize: bad,
    unknownKey: bad,
  };
}

function everywhereNested(bad: unknown): Record<string, unknown>[] {
  return [
    everywhere(bad),
    { rules: { 'list-numbering': bad }, numbering: { style: bad, start: bad }, entry: { linkLabels: bad } },
    { arxiv: { urlStyle: bad, keepVersion: bad, online: bad, cacheDays: bad, endpoint: bad } },
  ];
}

describe('hostile values in known settings', () => {
  const hostile: [string, unknown][] = [
    ['nested 100,000 deep', deeplyNested()],
    ['a 5 MB string', 'x'.repeat(5_000_000)],
    ['a 100,000-item list', Array.from({ length: 100_000 }, (_, i) => i)],
    ['an object with 20,000 keys', Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, [[[i]]]]))],
  ];
  for (const [what, bad] of hostile) {
    it(`${what}: each wrong value is one short problem, the rest of the settings apply`, () => {
      for (const value of [...everywhereNested(bad), bad]) {
        const { settings, problems } = resolveSettings([
          { source: 'c.json', value, baseUri: 'file:///repo' },
          { source: 'editor', value: { codeLens: false }, trusted: true },
        ]);
        assert.ok(problems.length > 0 && problems.length <= MAX_PROBLEMS_PER_SOURCE, `${problems.length} problems`);
        for (const problem of problems) assert.ok(problem.length < 400, `${problem.length} characters: ${problem.slice(0, 100)}`);
        assert.equal(settings.codeLens, false);
      }
    });
  }

  it('echoes the start of a wrong value, and says the rest is cut', () => {
    const { problems } = resolveSettings([{ source: 'c.json', value: { rules: deeplyNested(), codeLens: 'x'.repeat(5_000_000) } }]);
    assert.deepEqual(problems, [
      'c.json: "rules" must map rule codes to a severity, found [[[[…]]]].',
      `c.json: "codeLens" must be true or false, found "${'x'.repeat(58)}….`,
    ]);
  });

  it('tells at most MAX_PROBLEMS_PER_SOURCE problems of one source, then how many more', () => {
    const { problems } = resolveSettings([{ source: 'c.json', value: Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`k${i}`, 1])) }]);
    assert.equal(problems.length, MAX_PROBLEMS_PER_SOURCE);
    assert.equal(problems.at(-1), 'c.json: 991 more problems like these; those values were ignored too.');
  });

  it('a deeply nested .surveyor.json read from disk is a problem, not an error on every request', () => {
    const dir = folder('config-deep', { [CONFIG_FILE_NAME]: `{"rules": ${'['.repeat(100_000)}${']'.repeat(100_000)}, "codeLens": false}` });
    const read = readConfigFile(path.join(dir, CONFIG_FILE_NAME));
    assert.ok('layer' in read);
    const { settings, problems } = resolveSettings([read.layer]);
    assert.equal(settings.codeLens, false);
    assert.deepEqual(problems, [`${path.join(dir, CONFIG_FILE_NAME)}: "rules" must map rule codes to a severity, found [[[[…]]]].`]);
  });

  it('the editor settings go the same way (the LSP path)', async () => {
    const warnings: string[] = [];
    for (const [, bad] of hostile) {
      for (const value of [...everywhereNested(bad), bad]) {
        const store = new SettingsStore({ clientSettings: async () => value, workspaceFolders: () => [], files: NO_CONFIG_FILE, warn: (m) => warnings.push(m) });
        const settings = await store.ensure('file:///ws/README.md');
        assert.ok(settings.rules, 'settings resolved');
      }
    }
    assert.ok(warnings.length > 0);
    for (const warning of warnings) assert.ok(warning.length < 400 && warning.startsWith('VS Code settings (surveyor.*): '), warning.slice(0, 100));
  });
});

describe('completion from a large taxonomy', () => {
  const settings: SurveyorSettings = defaultSettings();
  const taxonomy: Taxonomy = { topLevel: 2, categories: Array.from({ length: MAX_CATEGORIES }, (_, i) => ({ name: `Category ${i}` })) };
  const service = new SurveyorLanguageService({ settings: { settingsFor: () => settings }, logger: { log: () => {} }, taxonomy: () => taxonomy });
  const complete = (fixture: string) => {
    const { text, position } = withCursor(fixture);
    return service.getCompletions(document(text), position);
  };

  it('sends at most MAX_COMPLETION_ITEMS items, marked incomplete, that can match what is typed', () => {
    const all = complete('## $0\n');
    assert.equal(all.items.length, MAX_COMPLETION_ITEMS);
    assert.equal(all.isIncomplete, true);
    const typed = complete('## cat9999$0\n');
    assert.deepEqual(typed.items.map((i) => i.label), ['Category 9999']);
  });
});
