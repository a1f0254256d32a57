import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dedent, document, service } from '../../support/fixtures';
import { applyFix, at, findings, fixAll } from '../../support/rules';

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

describe('conflicting-identity', () => {
  it('reports one title with two arXiv ids', () => {
    const text = dedent(`
      ## One
      1. ${A} [[paper](https://arxiv.org/abs/2305.16289)]
      ## Two
      1. ${A} [[paper](https://arxiv.org/abs/2305.16298)]
    `);
    assert.deepEqual(findings('conflicting-identity', text), [
      `${at(text, 4, 'https://arxiv.org')} The same title is listed with arXiv 2305.16289 on line 2, but with 2305.16298 here: one of the ids names another paper.`,
    ]);
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
      '4:4 arXiv 2305.16289 is listed as "Graph networks for everything" on line 2, but as "Another made-up method" here: one of the links names the wrong paper.',
    ]);
    assert.deepEqual(findings('duplicate-entry', text), [], 'a wrong id is not a duplicate');
  });
});
