import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dedent, document, service } from '../../support/fixtures';
import { applyFix, findings, fixAll } from '../../support/rules';

const A = 'Graph networks for everything. _Doe, J. et al._ arXiv 2023.';

const B = 'Another made-up method. _Roe, R. et al._ arXiv 2022.';

describe('duplicate-entry', () => {
  it('reports the same arXiv paper twice in one section, whatever the url form', () => {
    const text = dedent(`
      ## Methods
      1. ${A} [[paper](https://arxiv.org/abs/2305.16289)]
      2. ${B} [[paper](https://arxiv.org/abs/2204.01959)]
      3. ${A} [[paper](http://arxiv.org/pdf/2305.16289v2.pdf)]
    `);
    assert.deepEqual(findings('duplicate-entry', text), ['4:4 Duplicate entry: this paper is already listed on line 2 under "Methods".']);
    const [diagnostic] = service().getDiagnostics(document(text)).filter((d) => d.code === 'duplicate-entry');
    assert.equal(diagnostic!.relatedInformation![0]!.location.range.start.line, 1);
  });

  it('identifies papers by DOI, then paper url, then title', () => {
    const byDoi = dedent(`
      1. One. _Doe, J._ Nature 2020. [[paper](https://doi.org/10.1038/ABC123)]
      2. One again. _Doe, J._ Nature 2020. [[paper](https://www.nature.com/doi/10.1038/abc123)]
    `);
    assert.equal(findings('duplicate-entry', byDoi).length, 1);
    const byUrl = dedent(`
      1. **Two.** Venue 2020. [paper](https://example.org/papers/two/)
      2. **Two (again).** Venue 2020. [paper](http://www.example.org/papers/two)
    `);
    assert.equal(findings('duplicate-entry', byUrl).length, 1);
    const byTitle = dedent(`
      1. Graph Networks, for everything! _Doe, J._ Venue 2020. [[code](https://github.com/x/y)][[project](https://x.org)]
      2. graph networks for everything. _Doe, J._ Venue 2020. [[code](https://github.com/x/z)][[project](https://x.org)]
      3. A third paper. _Roe, R._ arXiv 2021. [[paper](https://arxiv.org/abs/2101.00001)]
      4. A fourth paper. _Poe, E._ arXiv 2021. [[paper](https://arxiv.org/abs/2101.00002)]
    `);
    assert.equal(findings('duplicate-entry', byTitle).length, 1, 'no paper link: the title decides');
    const twoPapers = dedent(`
      1. Graph networks for everything. _Doe, J._ Venue 2020. [[paper](https://example.org/a)]
      2. Graph networks for everything. _Doe, J._ Venue 2020. [[paper](https://example.org/b)]
    `);
    assert.equal(findings('duplicate-entry', twoPapers).length, 0, 'paper urls differ: the url decides before the title');
  });

  it('does not report the same paper under two sections, or papers with empty urls', () => {
    const text = dedent(`
      ## One
      1. ${A} [[paper](https://arxiv.org/abs/2305.16289)]
      ## Two
      1. ${A} [[paper](https://arxiv.org/abs/2305.16289)]
    `);
    assert.deepEqual(findings('duplicate-entry', text), []);
    assert.deepEqual(findings('duplicate-entry', `1. **One.** V 2020. [paper]()\n2. **Two.** V 2021. [paper]()\n`), []);
  });

  it('removes the duplicate and renumbers the items after it', () => {
    const text = dedent(`
      ## Methods
      1. ${A} [[paper](https://arxiv.org/abs/2305.16289)]
      2. ${A} [[paper](https://arxiv.org/abs/2305.16289)]
      3. ${B} [[paper](https://arxiv.org/abs/2204.01959)]
      4. Third. _Poe, E._ arXiv 2021. [[paper](https://arxiv.org/abs/2104.08826)]
    `);
    assert.equal(
      applyFix('duplicate-entry', text, 'Remove duplicate entry'),
      dedent(`
        ## Methods
        1. ${A} [[paper](https://arxiv.org/abs/2305.16289)]
        2. ${B} [[paper](https://arxiv.org/abs/2204.01959)]
        3. Third. _Poe, E._ arXiv 2021. [[paper](https://arxiv.org/abs/2104.08826)]
      `),
    );
    assert.equal(fixAll(text), text, 'removing content is never applied unseen');
  });
});
