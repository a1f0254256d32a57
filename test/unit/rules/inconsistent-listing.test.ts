import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dedent, document, service } from '../../support/fixtures';
import { at, findings } from '../../support/rules';

const A = 'Graph networks for everything. _Doe, J. et al._ arXiv 2023.';

describe('inconsistent-listing', () => {
  it('reports the listing that departs from the others, with the other listings as related information', () => {
    const text = dedent(`
      ## One
      1. ${A} [[paper](https://arxiv.org/abs/2305.16289)][[code](https://github.com/doe/graphs)]
      ## Two
      1. ${A} [[paper](https://arxiv.org/abs/2305.16289)][[code](https://github.com/someone/else)]
      ## Three
      1. ${A} [[paper](https://arxiv.org/abs/2305.16289)][[code](https://github.com/doe/graphs)]
    `);
    assert.deepEqual(findings('inconsistent-listing', text), [
      `${at(text, 4, 'https://github.com/someone')} Listed differently elsewhere: code link https://github.com/someone/else here, https://github.com/doe/graphs on lines 2 and 6.`,
    ]);
    const [diagnostic] = service().getDiagnostics(document(text)).filter((d) => d.code === 'inconsistent-listing');
    assert.deepEqual(diagnostic!.relatedInformation!.map((r) => r.message), ['Also listed under "One"', 'Also listed under "Three"']);
    assert.equal(diagnostic!.severity, 3, 'info by default');
  });

  it('reports a listing that lacks the code link another has', () => {
    const text = dedent(`
      ## One
      1. ${A} [[paper](https://arxiv.org/abs/2305.16289)][[code](https://github.com/doe/graphs)]
      ## Two
      1. ${A} [[paper](https://arxiv.org/abs/2305.16289)]
    `);
    assert.deepEqual(findings('inconsistent-listing', text), [`${at(text, 4, '[paper]')} Listed differently elsewhere: no code link here, https://github.com/doe/graphs on line 2.`]);
  });

  it('compares titles, authors, venues and years, ignoring case and punctuation', () => {
    const text = dedent(`
      ## One
      1. Graph networks for everything. _Doe, J. et al._ arXiv 2023. [[paper](https://arxiv.org/abs/2305.16289)]
      ## Two
      1. Graph Networks for Everything. _Doe, J., et al._ NeurIPS 2024. [[paper](https://arxiv.org/abs/2305.16289)]
    `);
    assert.deepEqual(findings('inconsistent-listing', text), [
      `${at(text, 4, 'NeurIPS')} Listed differently elsewhere: venue "NeurIPS" here, "arXiv" on line 2; year 2024 here, 2023 on line 2.`,
    ]);
  });

  it('does not report GitHub urls that differ only in case, arXiv urls of one id, or section-specific links', () => {
    const text = dedent(`
      ## One
      1. ${A} [[paper](https://arxiv.org/abs/2305.16289)][[code](https://github.com/Doe/Graphs)][[dataset](https://example.org/d)]
      ## Two
      1. ${A} [[paper](http://arxiv.org/abs/2305.16289v1)][[code](https://github.com/doe/graphs/)]
    `);
    assert.deepEqual(findings('inconsistent-listing', text), []);
  });
});
