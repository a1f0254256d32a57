import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RULE_CODES } from '../../../shared/settings';
import { settingsWith } from '../../support/fixtures';
import { findings } from '../../support/rules';

describe('parse-problem', () => {
  it('reports a binary file once, at its first NUL, and nothing else', () => {
    assert.deepEqual(findings('parse-problem', '# a\0b\n1. x\n'), ['1:4 This file looks binary (it contains NUL characters), so Surveyor does not check it.']);
  });

  it('reports a file past surveyor.maxFileSize once, saying how to check it anyway', () => {
    const small = settingsWith((s) => (s.maxFileSize = 0.00001));
    assert.match(findings('parse-problem', '# Survey\n\n1. A paper.\n', small)[0]!, /^1:1 This file is 0\.0 MB, more than surveyor\.maxFileSize .* Raise the setting to check it anyway\.$/);
  });

  it('reports an unknown rule code in a suppression comment', () => {
    assert.deepEqual(findings('parse-problem', '<!-- surveyor-disable entry-formats -->\n'), [`1:1 Unknown rule "entry-formats" in surveyor-disable (known: ${RULE_CODES.join(', ')}).`]);
  });

  it('says nothing on ordinary Markdown', () => {
    assert.deepEqual(findings('parse-problem', '# Survey\n\n1. A paper. _Doe, J._ arXiv 2023.\n'), []);
  });
});
