import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dedent, settingsWith } from '../../support/fixtures';
import { applyFix, at, entry, findings, fixAll, fixTitles } from '../../support/rules';

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
      `3:4 Entry has no authors: expected "Title. _Authors_ Venue Year. [[paper](url)]".`,
      `4:4 Entry has no year: expected "Title. _Authors_ Venue Year. [[paper](url)]".`,
      `5:4 Entry has no paper link: expected "Title. _Authors_ Venue Year. [[paper](url)]".`,
    ]);
  });

  it('does not ask for a year when a venue other than arXiv is named', () => {
    const text = [entry(1), entry(2), entry(3, { venue: 'Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition' })].join('\n') + '\n';
    assert.deepEqual(findings('entry-format', text), []);
  });

  it('reports a label the survey does not use, and suggests the one a slip meant', () => {
    const text = [entry(1, { links: `${paper(1)}[[ppaer](https://x.org/a)]` }), entry(2, { links: `${paper(2)}[[slides](https://x.org/s)]` })].join('\n') + '\n';
    assert.deepEqual(findings('entry-format', text), [
      `${at(text, 1, 'ppaer')} Link label "ppaer" is used nowhere else in the survey: expected one of paper, code, project, website, dataset, demo, slides, video, blog (setting entry.linkLabels); did you mean "paper"?`,
    ]);
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

describe('venue-typo', () => {
  it('reports a venue one edit from a known one and fixes it', () => {
    const text = entry(1, { venue: 'arKiv 2023' }) + '\n';
    assert.deepEqual(findings('venue-typo', text), [
      `${at(text, 1, 'arKiv')} Unknown venue "arKiv": did you mean "arXiv"? (Add real venues Surveyor does not know to "venues" in .surveyor.json.)`,
    ]);
    assert.equal(fixAll(text), entry(1, { venue: 'arXiv 2023' }) + '\n');
  });

  it('knows long names, case variants, acronyms and configured venues', () => {
    for (const venue of ['Advances in Neural Information Processing Systems', 'ArXiv 2023', 'ICDL 2020', 'ACM 2021', 'Neurips 2022']) {
      assert.deepEqual(findings('venue-typo', entry(1, { venue }) + '\n'), [], venue);
    }
    const text = entry(1, { venue: 'GraphConf 2023' }) + '\n';
    assert.deepEqual(findings('venue-typo', text, settingsWith((s) => (s.venues = ['GraphConf']))), []);
  });

  it('offers a two-edit guess without applying it unseen', () => {
    const text = entry(1, { venue: 'NeirIPZ 2022' }) + '\n';
    assert.deepEqual(fixTitles('venue-typo', text), ['Change to "NeurIPS"']);
    assert.equal(fixAll(text), text);
  });
});

describe('author-format', () => {
  it('replaces BibTeX escapes by the letters they stand for, and nothing else', () => {
    const text = entry(1, { authors: `_Tarj{\\'a}n, B., M{\\"u}ller, K., \\c{C}elik, S. and Stra{\\ss}e, P._` }) + '\n';
    assert.deepEqual(findings('author-format', text), [
      `${at(text, 1, '{')} BibTeX escapes in the author list, shown literally on GitHub: {\\'a} → á, {\\"u} → ü, \\c{C} → Ç, {\\ss} → ß.`,
    ]);
    assert.equal(applyFix('author-format', text, 'Replace with á, ü, Ç, ß'), entry(1, { authors: '_Tarján, B., Müller, K., Çelik, S. and Straße, P._' }) + '\n');
    assert.equal(fixAll(text), entry(1, { authors: '_Tarján, B., Müller, K., Çelik, S. and Straße, P._' }) + '\n');
  });

  it('accepts plain Unicode names', () => {
    assert.deepEqual(findings('author-format', entry(1, { authors: '_Tarján, B. et al._' }) + '\n'), []);
  });

  it('reports an author list without italics where the list uses them, and wraps it', () => {
    const text = [entry(1), entry(2), entry(3, { authors: 'Luo, X.-J., Wang, Y. et al.' })].join('\n') + '\n';
    assert.deepEqual(findings('author-format', text), [`${at(text, 3, 'Luo')} Author list is not in italics like the other entries of this list: expected _Authors_.`]);
    assert.equal(applyFix('author-format', text, 'Set the authors in italics'), [entry(1), entry(2), entry(3, { authors: '_Luo, X.-J., Wang, Y. et al._' })].join('\n') + '\n');
  });
});
