import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveSettings } from '../../server/src/service/configuration';
import { isSurveyPath } from '../../server/src/service/surveyFiles';
import { RULE_CODES, defaultSettings } from '../../shared/settings';

describe('settings layers', () => {
  it('starts from the defaults', () => {
    assert.deepEqual(resolveSettings([]), { settings: defaultSettings(), problems: [] });
  });

  it('applies .surveyor.json, then the editor settings on top', () => {
    const { settings, problems } = resolveSettings([
      { source: '.surveyor.json', value: { rules: { 'list-numbering': 'error' }, numbering: { style: 'ones', start: 'any' } } },
      { source: 'VS Code settings', value: { numbering: { start: 'continue' } } },
    ]);
    assert.deepEqual(problems, []);
    assert.equal(settings.rules['list-numbering'], 'error');
    assert.deepEqual(settings.numbering, { style: 'ones', start: 'continue' });
  });

  it('names the source and the problem of a wrong value, ignores it and keeps the rest', () => {
    const { settings, problems } = resolveSettings([
      {
        source: '/repo/.surveyor.json',
        value: { rules: { 'list-numbering': 'loud', 'no-such-rule': 'off' }, numbering: { style: 'roman', start: 'any' }, colour: 'red' },
      },
    ]);
    assert.equal(settings.rules['list-numbering'], 'warning');
    assert.equal(settings.numbering.start, 'any');
    assert.equal(settings.numbering.style, 'sequential');
    assert.deepEqual(problems, [
      '/repo/.surveyor.json: rule "list-numbering": severity must be one of off, hint, info, warning, error, found "loud".',
      `/repo/.surveyor.json: unknown rule "no-such-rule" (known: ${RULE_CODES.join(', ')}).`,
      '/repo/.surveyor.json: "numbering.style" must be one of sequential, ones, found "roman".',
      '/repo/.surveyor.json: unknown setting "colour" (known: rules, numbering, arxiv, entry, venues, taxonomy, codeLens, maxFileSize, files).',
    ]);
  });

  it('rejects a file that is not an object', () => {
    const { settings, problems } = resolveSettings([{ source: 'x.json', value: [1, 2] }]);
    assert.deepEqual(settings, defaultSettings());
    assert.deepEqual(problems, ['x.json: expected an object with Surveyor settings, found [1,2]; using the defaults.']);
  });
});

describe('which files are surveys', () => {
  it('by default any README.md, in any case, at any depth', () => {
    const globs = defaultSettings().files;
    for (const p of ['README.md', 'readme.md', 'docs/ReadMe.MD', '/home/u/repo/README.md']) assert.ok(isSurveyPath(p, globs), p);
    for (const p of ['notes.md', 'README.md.bak', 'docs/README.txt']) assert.ok(!isSurveyPath(p, globs), p);
  });

  it('follows the configured globs', () => {
    assert.ok(isSurveyPath('lists/papers.md', ['lists/*.md']));
    assert.ok(!isSurveyPath('README.md', ['lists/*.md']));
  });
});

describe('taxonomy setting', () => {
  it('resolves the path beside .surveyor.json and refuses one that leaves the repository', () => {
    const inside = resolveSettings([{ source: '/repo/.surveyor.json', value: { taxonomy: 'docs/tree.json' }, baseUri: 'file:///repo' }]);
    assert.deepEqual(inside.settings.taxonomy, { file: 'file:///repo/docs/tree.json', folder: 'file:///repo' });
    assert.deepEqual(inside.problems, []);
    // A path written with backslashes (on Windows) is the same path.
    assert.deepEqual(resolveSettings([{ source: '/repo/.surveyor.json', value: { taxonomy: 'docs\\tree.json' }, baseUri: 'file:///repo' }]).settings.taxonomy, { file: 'file:///repo/docs/tree.json', folder: 'file:///repo' });
    for (const escape of ['../elsewhere.json', '/etc/passwd', 'docs/../../x.json', 'C:/x.json', 'c:\\x.json', 'docs\\..\\..\\x.json']) {
      const outside = resolveSettings([{ source: '/repo/.surveyor.json', value: { taxonomy: escape }, baseUri: 'file:///repo' }]);
      assert.equal(outside.settings.taxonomy, null, escape);
      assert.match(outside.problems[0]!, /must name a file inside the repository/);
    }
  });

  it('resolves it in a virtual workspace too (github.dev), on the same file system', () => {
    const folder = 'vscode-vfs://github/owner/survey';
    const { settings } = resolveSettings([{ source: `${folder}/.surveyor.json`, value: { taxonomy: './data/tree.json' }, baseUri: folder }]);
    assert.deepEqual(settings.taxonomy, { file: `${folder}/data/tree.json`, folder });
    // A sibling folder whose name starts like this one is not inside it.
    const sibling = resolveSettings([{ source: `${folder}/.surveyor.json`, value: { taxonomy: '../survey-other/tree.json' }, baseUri: folder }]);
    assert.equal(sibling.settings.taxonomy, null);
  });
});
