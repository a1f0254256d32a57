import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { arxivIdIssued } from '../../../server/src/service/model/arxivId';
import { IncrementalParser, parseWhole } from '../../../server/src/service/model/documentParser';
import { applyFix, at, entry, findings, fixAll, fixTitles } from '../../support/rules';

const withPaper = (url: string, venue = 'arXiv 2023') => entry(1, { venue, links: `[[paper](${url})]` }) + '\n';

/** The message for a date before the id's month. */
const before = (date: string, id: string, issued: string) => `Date ${date} is before arXiv ${id} was issued (${issued}).`;

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

  it('checks an entry whose title is the paper link, with a star badge or in parentheses', () => {
    const titled = '1. [**A study of sparse routing**](https://arxiv.org/abs/2501.01234). _A. Lee._ Arxiv 2024.\n';
    assert.deepEqual(findings('year-mismatch', titled), [`${at(titled, 1, '2024')} Year 2024 differs from the year of arXiv 2501.01234: expected 2025.`]);
    const badged = '- [**A study of sparse routing**](https://arxiv.org/abs/2501.01234) (arXiv 2024) [![Star](https://img.shields.io/github/stars/a/b.svg)](https://github.com/a/b)\n';
    assert.deepEqual(findings('year-mismatch', badged), [`${at(badged, 1, '2024')} Year 2024 differs from the year of arXiv 2501.01234: expected 2025.`]);
  });

  it('reads the year of a multi-paragraph item and of a <br /> line', () => {
    const paragraphs = '1. **A study of sparse routing.**\n\n   *Ann Lee, Bo Chen.* arXiv 2022. [[pdf](https://arxiv.org/abs/2305.01234)]\n';
    assert.deepEqual(findings('year-mismatch', paragraphs), [`${at(paragraphs, 3, '2022')} Year 2022 differs from the year of arXiv 2305.01234: expected 2023.`]);
    const broken = '1. **A study of sparse routing**. (arXiv 2022) <br />\n   Ann Lee, Bo Chen. [[paper](https://arxiv.org/abs/2305.01234)]\n';
    assert.deepEqual(findings('year-mismatch', broken), [`${at(broken, 1, '2022')} Year 2022 differs from the year of arXiv 2305.01234: expected 2023.`]);
  });

  it('reports a date tag months before the id, in every separator', () => {
    const slash = '- [2023/05] **A study of sparse routing.** *Ann Lee (Lab) et al.* [[paper](https://arxiv.org/pdf/2309.01234.pdf)]\n';
    assert.deepEqual(findings('year-mismatch', slash), [`1:4 ${before('2023/05', '2309.01234', '2023/09')}`]);
    const dash = '1. "A study of sparse routing" [2024-05] [[paper](https://arxiv.org/abs/2501.01234)]\n';
    assert.deepEqual(findings('year-mismatch', dash), [`${at(dash, 1, '2024-05')} ${before('2024-05', '2501.01234', '2025/01')}`]);
    const dot = '- [2023.05.02] **A study of sparse routing.** *Ann Lee et al.* [[paper](https://arxiv.org/abs/2309.01234)]\n';
    assert.deepEqual(findings('year-mismatch', dot), [`1:4 ${before('2023.05.02', '2309.01234', '2023/09')}`]);
    // A date tag with an arXiv venue after it, and a date field of a comma-separated tail.
    const arxivVenue = '- "A study of sparse routing" [2023-02] [arXiv] [[paper](https://arxiv.org/abs/2309.01234)]\n';
    assert.deepEqual(findings('year-mismatch', arxivVenue), [`${at(arxivVenue, 1, '2023-02')} ${before('2023-02', '2309.01234', '2023/09')}`]);
    const tail = '1. **A study of sparse routing.** _Ann Lee et al._ 2023-02, arXiv. [[paper](https://arxiv.org/abs/2309.01234)]\n';
    assert.deepEqual(findings('year-mismatch', tail), [`${at(tail, 1, '2023-02')} ${before('2023-02', '2309.01234', '2023/09')}`]);
  });

  it('offers the id month in the date’s own form, never as a safe fix', () => {
    const text = '- [2023/05] **A study of sparse routing.** *Ann Lee et al.* [[paper](https://arxiv.org/abs/2309.01234)]\n';
    assert.deepEqual(fixTitles('year-mismatch', text), ['Change to 2023/09']);
    assert.equal(applyFix('year-mismatch', text, 'Change to 2023/09'), text.replace('2023/05', '2023/09'));
    assert.equal(fixAll(text), text);
    // One-digit months stay one digit; a day is dropped (the id does not give it).
    const short = '- [2023-5] **A study of sparse routing.** *Ann Lee et al.* [[paper](https://arxiv.org/abs/2309.01234)]\n';
    assert.equal(applyFix('year-mismatch', short, 'Change to 2023-9'), short.replace('2023-5', '2023-9'));
    const day = '- [2023.05.02] **A study of sparse routing.** *Ann Lee et al.* [[paper](https://arxiv.org/abs/2311.01234)]\n';
    assert.equal(applyFix('year-mismatch', day, 'Change to 2023.11'), day.replace('2023.05.02', '2023.11'));
  });

  it('allows for arXiv announcing a paper months after it was submitted', () => {
    // Submitted in the last days of December, numbered in January; held in moderation for up to three months.
    for (const [date, id] of [
      ['2023/12', '2401.00288'],
      ['2024/03', '2405.01553'],
      ['2024/04', '2407.09975'],
      ['2023/09', '2309.01234'],
      ['2024/02', '2309.01234'],
    ]) {
      const text = `- [${date}] **A study of sparse routing.** *Ann Lee et al.* [[paper](https://arxiv.org/abs/${id})]\n`;
      assert.deepEqual(findings('year-mismatch', text), [], `${date} on ${id}`);
    }
  });

  it('leaves a date alone where a venue other than arXiv is named: a venue can be dated before the arXiv upload', () => {
    const tagged = '1. "A study of sparse routing" [2021-10] [ICLR 2022] [[paper](https://arxiv.org/abs/2205.01234)]\n';
    assert.deepEqual(findings('year-mismatch', tagged), []);
    const cited = '- [2021/10] **A study of sparse routing.** *Ann Lee et al.* ICLR 2022. [[paper](https://arxiv.org/abs/2205.01234)]\n';
    assert.deepEqual(findings('year-mismatch', cited), []);
  });

  it('reads the month of a table’s Date column, with an arXiv venue or none', () => {
    const table = [
      '| Title | Venue | Date | Code |',
      '|:--|:--:|:--:|:--:|',
      '| ![Star](https://img.shields.io/github/stars/a/b.svg) <br> [**A study of sparse routing**](https://arxiv.org/pdf/2309.01234.pdf) <br> | arXiv | 2023-04-15 | [Github](https://github.com/a/b) |',
      '| [**Routing revisited**](https://arxiv.org/abs/2309.05678) | CVPR 2023 | 2023-01-10 | - |',
      '| [**Routing at scale**](https://arxiv.org/abs/2309.09999) | arXiv | 2023-08-30 | - |',
      '',
    ].join('\n');
    assert.deepEqual(findings('year-mismatch', table), [`${at(table, 3, '2023-04-15')} ${before('2023-04-15', '2309.01234', '2023/09')}`]);
    const noVenue = ['| Date | Paper |', '|---|---|', '| 2023-02 | [A study of sparse routing](https://arxiv.org/abs/2309.01234) |', '| 2023-08 | [Routing revisited](https://arxiv.org/abs/2309.05678) |', ''].join('\n');
    assert.deepEqual(findings('year-mismatch', noVenue), [`3:3 ${before('2023-02', '2309.01234', '2023/09')}`]);
  });

  it('leaves a year alone without a venue: a Year column often gives the conference the paper went to before arXiv', () => {
    const table = (year: string, id: string) => ['| Year | Paper |', '|---|---|', `| ${year} | [A study of sparse routing](https://arxiv.org/abs/${id}) |`, ''].join('\n');
    assert.deepEqual(findings('year-mismatch', table('2021', '2309.01234')), []);
    assert.deepEqual(findings('year-mismatch', table('2023', '2401.00288')), []);
  });

  it('reads the month of old-style ids', () => {
    assert.deepEqual(arxivIdIssued('cs/0601001'), { year: 2006, month: 1 });
    assert.deepEqual(arxivIdIssued('hep-th/9901001'), { year: 1999, month: 1 });
    assert.deepEqual(arxivIdIssued('2309.01234'), { year: 2023, month: 9 });
    const text = '- [2005/06] **A study of sparse routing.** *Ann Lee et al.* [[paper](https://arxiv.org/abs/cs/0601001)]\n';
    assert.deepEqual(findings('year-mismatch', text), [`1:4 ${before('2005/06', 'cs/0601001', '2006/01')}`]);
    assert.deepEqual(findings('year-mismatch', text.replace('2005/06', '2005/12')), []);
  });

  it('keeps the date where it stands when lines are added above it', () => {
    const text = '# One\n\ntext\n\n# Two\n\n- [2023/05] **A study of sparse routing.** *Ann Lee et al.* [[paper](https://arxiv.org/abs/2309.01234)]\n';
    const parser = new IncrementalParser();
    parser.parse(text);
    const edited = text.replace('text\n', 'text\nmore\ntext\n');
    assert.deepStrictEqual(parser.parse(edited).model, parseWhole(edited));
  });
});
