import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { settingsWith } from '../../support/fixtures';
import { applyFix, entry, findings, fixAll } from '../../support/rules';

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

describe('arxiv-url-style', () => {
  it('accepts the canonical form and rendered pages', () => {
    assert.deepEqual(findings('arxiv-url-style', withPaper('https://arxiv.org/abs/2305.16289')), []);
    assert.deepEqual(findings('arxiv-url-style', withPaper('https://arxiv.org/html/2305.16289v2')), []);
    assert.deepEqual(findings('arxiv-url-style', withPaper('https://ar5iv.labs.arxiv.org/html/2305.16289')), []);
  });

  it('reports each departure in words and fixes to the canonical url', () => {
    const cases: [string, string][] = [
      ['https://arxiv.org/pdf/2305.16289.pdf', 'pdf link instead of abs, ".pdf" suffix'],
      ['http://arxiv.org/abs/2305.16289', 'http: instead of https:'],
      ['https://export.arxiv.org/abs/2305.16289v2', 'host export.arxiv.org, pinned version v2'],
      ['https://www.arxiv.org/abs/2305.16289', 'host www.arxiv.org'],
    ];
    for (const [url, why] of cases) {
      const text = withPaper(url);
      assert.deepEqual(findings('arxiv-url-style', text), [
        `1:${text.indexOf(url) + 1} arXiv link not in the canonical form (${why}): expected https://arxiv.org/abs/2305.16289.`,
      ]);
      assert.equal(applyFix('arxiv-url-style', text, 'Change to https://arxiv.org/abs/2305.16289'), withPaper('https://arxiv.org/abs/2305.16289'));
      assert.equal(fixAll(text), withPaper('https://arxiv.org/abs/2305.16289'), 'the fix is safe');
    }
  });

  it('follows arxiv.urlStyle and arxiv.keepVersion', () => {
    const pdf = settingsWith((s) => (s.arxiv = { ...s.arxiv, urlStyle: 'pdf', keepVersion: true }));
    assert.deepEqual(findings('arxiv-url-style', withPaper('https://arxiv.org/pdf/2305.16289v2'), pdf), []);
    const text = withPaper('https://arxiv.org/abs/2305.16289v2');
    assert.equal(applyFix('arxiv-url-style', text, 'Change to https://arxiv.org/pdf/2305.16289v2', 0, pdf), withPaper('https://arxiv.org/pdf/2305.16289v2'));
  });

  it('is a hint by default', () => {
    assert.equal(settingsWith().rules['arxiv-url-style'], 'hint');
  });
});

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
    const text = withPaper('https://arxiv.org/abs/hep-th/9901001', 'arXiv 2001');
    assert.match(findings('year-mismatch', text)[0]!, /expected 1999/);
  });
});
