import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, entry, findings } from '../../support/rules';

const withPaper = (url: string, venue = 'arXiv 2023') => entry(1, { venue, links: `[[paper](${url})]` }) + '\n';

describe('year-mismatch', () => {
  it('accepts an arXiv entry whose year is its id year, and other venues with other years', () => {
    assert.deepEqual(findings('year-mismatch', withPaper('https://arxiv.org/abs/2305.16289', 'arXiv 2023')), []);
    assert.deepEqual(findings('year-mismatch', withPaper('https://arxiv.org/abs/2305.16289', 'NeurIPS 2024')), []);
  });

  it('reports a different year and fixes it to the id year', () => {
    const text = withPaper('https://arxiv.org/abs/2305.16289', 'arXiv 2022');
    assert.deepEqual(findings('year-mismatch', text), [`1:${text.indexOf('2022') + 1} Year 2022 differs from the year of arXiv 2305.16289: expected 2023.`]);
    assert.equal(applyFix('year-mismatch', text, 'Change to 2023'), withPaper('https://arxiv.org/abs/2305.16289', 'arXiv 2023'));
  });

  it('reads old-style ids as 19xx and 20xx', () => {
    const text = withPaper('https://arxiv.org/abs/hep-th/0101001', 'arXiv 1999');
    assert.match(findings('year-mismatch', text)[0]!, /expected 2001/);
  });

  it('leaves a later year alone: a later version or a venue dates it', () => {
    assert.deepEqual(findings('year-mismatch', withPaper('https://arxiv.org/abs/2312.16289', 'arXiv 2024')), []);
  });
});
