import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dedent } from '../../support/fixtures';
import { at, findings } from '../../support/rules';

const A = 'Graph networks for everything. _Doe, J. et al._ arXiv 2023.';

const B = 'Another made-up method. _Roe, R. et al._ arXiv 2022.';

describe('conflicting-identity', () => {
  it('reports one title with two arXiv ids on the listing whose id the others do not share, and stays silent on a tie', () => {
    const text = dedent(`
      ## One
      1. ${A} [[paper](https://arxiv.org/abs/2305.16289)]
      ## Two
      1. ${A} [[paper](https://arxiv.org/abs/2305.16298)]
      ## Three
      1. ${A} [[paper](https://arxiv.org/abs/2305.16289)]
    `);
    assert.deepEqual(findings('conflicting-identity', text), [
      `${at(text, 4, 'https://arxiv.org')} The same title is listed with arXiv 2305.16289 on lines 2 and 6, but with 2305.16298 here: one of the ids names another paper.`,
    ]);
    const tie = text.split('\n').slice(0, 4).join('\n') + '\n';
    assert.deepEqual(findings('conflicting-identity', tie), [], 'one listing each: nothing here says which id is wrong');
  });

  it('reports one arXiv id under clearly different titles, and not under a renamed or shortened one', () => {
    const text = dedent(`
      ## One
      1. ${A} [[paper](https://arxiv.org/abs/2305.16289)]
      ## Two
      1. ${B} [[paper](https://arxiv.org/abs/2305.16289)]
      ## Three
      1. Graph networks for everything and more. _Doe, J. et al._ arXiv 2023. [[paper](https://arxiv.org/abs/2305.16289)]
    `);
    assert.deepEqual(findings('conflicting-identity', text), [
      '4:4 arXiv 2305.16289 is listed as "Graph networks for everything" on line 2, but as "Another made-up method" here: this link likely names another paper.',
    ]);
    assert.deepEqual(findings('duplicate-entry', text), [], 'a wrong id is not a duplicate');
  });

  it('reports the listing whose title disagrees with the others, even when it comes first', () => {
    const text = dedent(`
      ## One
      1. ${B} [[paper](https://arxiv.org/abs/2305.16289)]
      ## Two
      1. ${A} [[paper](https://arxiv.org/abs/2305.16289)]
      ## Three
      1. ${A} [[paper](https://arxiv.org/abs/2305.16289)]
    `);
    assert.deepEqual(findings('conflicting-identity', text), [
      '2:4 arXiv 2305.16289 is listed as "Graph networks for everything" on line 4, but as "Another made-up method" here: this link likely names another paper.',
    ]);
  });
});
