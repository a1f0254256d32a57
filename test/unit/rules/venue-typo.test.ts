import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { settingsWith } from '../../support/fixtures';
import { at, entry, findings, fixAll, fixTitles } from '../../support/rules';

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

  it('offers, but does not apply unseen, a fix that would join two lines of an entry', () => {
    // `Arx⏎iv` reads as the venue "Arx iv", one edit from arXiv: the words of a wrapped line, not a typo to rewrite.
    const text = '1. [**A study of things.**](https://arxiv.org/abs/2412.06769) _Hao, S., Weston, J._ Arx\niv 2024.\n';
    assert.deepEqual(fixTitles('venue-typo', text), ['Change to "Arxiv"']);
    assert.equal(fixAll(text), text);
  });

  it('changes only the letters that differ, and applies nothing unseen where a mark differs', () => {
    // "Arxiv" is a spelling the rule accepts: a fix of the stray mark keeps it, and does not rewrite it as "arXiv".
    for (const [venue, fixed] of [
      ['Arxi`v 2024', 'Arxiv 2024'],
      [']Arxiv 2023', 'Arxiv 2023'],
      ['(NeurIPS 2021', 'NeurIPS 2021'], // its ")" lost: the "(" is not the defect
    ]) {
      const text = entry(1, { venue }) + '\n';
      assert.deepEqual(fixTitles('venue-typo', text), [`Change to "${fixed.split(' ')[0]}"`], venue);
      assert.equal(fixAll(text), text, venue);
    }
  });

  it('offers a two-edit guess without applying it unseen', () => {
    const text = entry(1, { venue: 'NeirIPZ 2022' }) + '\n';
    assert.deepEqual(fixTitles('venue-typo', text), ['Change to "NeurIPS"']);
    assert.equal(fixAll(text), text);
  });
});
