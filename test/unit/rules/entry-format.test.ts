import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dedent, settingsWith } from '../../support/fixtures';
import { applyFix, at, entry, findings, fixAll } from '../../support/rules';

const paper = (n: number) => `[[paper](https://arxiv.org/abs/2305.${10000 + n})]`;

describe('entry-format', () => {
  it('accepts complete entries in the reference style and in a bold-title style without authors', () => {
    assert.deepEqual(findings('entry-format', [1, 2, 3].map((n) => entry(n)).join('\n') + '\n'), []);
    const bold = dedent(`
      1. **Graph networks.** ICLR 2020. [paper](https://example.org/1)
      2. **Other networks.** ICML 2021. [paper](https://example.org/2)
      3. **More networks.** NeurIPS 2022. [paper](https://example.org/3)
    `);
    assert.deepEqual(findings('entry-format', bold), [], 'a list without authors is a style, not a defect');
  });

  it('reports missing authors and year where the list has them, and a missing paper link', () => {
    const text = [
      entry(1),
      entry(2),
      entry(3, { authors: '' }),
      entry(4, { venue: 'arXiv' }),
      entry(5, { links: '[[code](https://github.com/x/y)][[project](https://x.org)]' }),
    ].join('\n') + '\n';
    assert.deepEqual(findings('entry-format', text), [
      `3:4 Entry has no authors, which the entries around it have.`,
      `4:4 Entry has no year, which the entries around it have.`,
      `5:4 Entry has no paper link, which the entries around it have.`,
    ]);
  });

  it('does not ask for a year when a venue other than arXiv is named', () => {
    const text = [entry(1), entry(2), entry(3, { venue: 'Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition' })].join('\n') + '\n';
    assert.deepEqual(findings('entry-format', text), []);
  });

  it('reports a label that is a slip for one the survey uses, and leaves descriptive labels alone', () => {
    const text = [
      entry(1, { links: `${paper(1)}[[ppaer](https://x.org/a)]` }),
      entry(2, { links: `${paper(2)}[[slides](https://x.org/s)][[code by the authors](https://x.org/c)]` }),
      entry(3, { links: `${paper(3)}[[Eval Tool](https://x.org/t)]` }),
    ].join('\n') + '\n';
    assert.deepEqual(findings('entry-format', text), [`${at(text, 1, 'ppaer')} Link label "ppaer": did you mean "paper", as the survey writes it elsewhere?`]);
    assert.equal(applyFix('entry-format', text, 'Change to "paper"'), text.replace('[[ppaer]', '[[paper]'));
    assert.equal(fixAll(text), text, 'a label suggestion is a guess');
  });

  it('takes labels from entry.linkLabels and from the survey\'s own repeated use', () => {
    const custom = settingsWith((s) => (s.entry.linkLabels = ['paper', 'weights']));
    const line = (n: number, label: string) => entry(n, { links: `${paper(n)}[[${label}](https://x.org/${n})]` });
    assert.deepEqual(findings('entry-format', line(1, 'weights') + '\n', custom), []);
    const repeated = [1, 2, 3].map((n) => line(n, 'Checkpoint')).join('\n') + '\n';
    assert.deepEqual(findings('entry-format', repeated), []);
  });
});
