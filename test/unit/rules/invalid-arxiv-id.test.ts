import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { entry, findings } from '../../support/rules';

const withPaper = (url: string, venue = 'arXiv 2023') => entry(1, { venue, links: `[[paper](${url})]` }) + '\n';

describe('invalid-arxiv-id', () => {
  it('accepts ids that can exist, new and old style, with versions', () => {
    for (const url of [
      'https://arxiv.org/abs/2305.16289',
      'https://arxiv.org/abs/1412.6980v9',
      'https://arxiv.org/abs/0704.0001',
      'https://arxiv.org/abs/hep-th/9901001',
      'https://arxiv.org/abs/math.GT/0309136',
    ]) {
      assert.deepEqual(findings('invalid-arxiv-id', withPaper(url)), [], url);
    }
  });

  it('reports ids that cannot exist, saying why', () => {
    const cases: [string, RegExp][] = [
      ['https://arxiv.org/abs/2300.12345', /month 00 does not exist/],
      ['https://arxiv.org/abs/2313.12345', /month 13 does not exist/],
      ['https://arxiv.org/abs/2305.1628', /from 2015 on have five digits after the dot, not 4/],
      ['https://arxiv.org/abs/1412.69801', /before 2015 have four digits after the dot, not 5/],
      ['https://arxiv.org/abs/2305.16289v0', /versions start at v1, not v0/],
      ['https://arxiv.org/abs/foo-bar/9901001', /"foo-bar" is not an arXiv archive/],
      ['https://arxiv.org/abs/0612.1234', /new-style ids began in April 2007/],
      ['https://arxiv.org/abs/hep-th/0801001', /old-style ids ended in March 2007/],
    ];
    for (const [url, why] of cases) {
      const found = findings('invalid-arxiv-id', withPaper(url));
      assert.equal(found.length, 1, url);
      assert.match(found[0]!, why, url);
    }
  });
});
