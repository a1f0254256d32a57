import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { IncrementalParser, parseWhole } from '../../server/src/service/model/documentParser';
import { listsMovedDown } from '../../server/src/service/model/placement';
import type { Entry, SurveyDocument } from '../../server/src/service/model/types';
import { dedent, document, service } from '../support/fixtures';
import { PROPERTY_RUNS } from '../support/propertyRuns';

/** Every field of every entry stands where its text is written. */
function assertRangesMatch(text: string, doc: SurveyDocument): void {
  const td = document(text);
  for (const e of doc.entries) {
    for (const span of [e.title, e.authors, e.venue, e.year]) if (span) assert.equal(td.getText(span.range), span.text);
    for (const l of e.links) {
      assert.equal(td.getText(l.label.range), l.label.text);
      assert.equal(td.getText(l.url.range), l.url.text);
      assert.ok(td.getText(l.range).startsWith('['), td.getText(l.range));
      assert.ok(td.getText(l.range).endsWith(')'), td.getText(l.range));
    }
    if (e.arxiv) assert.match(td.getText(e.arxiv.range), /arxiv\.org/);
  }
}

function textAt(text: string, range: Entry['range']): string {
  return document(text).getText(range);
}

const PAPERS = dedent(`
  # Survey

  ## Instruction tuning

  |  Title  |   Venue  |   Date   |   Code   |   Demo   |
  |:--------|:--------:|:--------:|:--------:|:--------:|
  | [**Tuning Vision Models by Instruction**](https://arxiv.org/pdf/2304.01234.pdf) | NeurIPS | 2023-04-17 | [GitHub](https://github.com/acme/vit-tune) | [Demo](https://demo.example.org/) |
  | ![Star](https://img.shields.io/github/stars/acme/adapter.svg?style=social&label=Star) <br> [**Adapters All the Way Down**](https://arxiv.org/abs/2303.05678) <br> | CVPR 2024 | 2023-03-28 | [Github](https://github.com/acme/adapter) | - |
  | [**A Blog Post About Models**](https://blog.example.com/post) | Blog | 2024-01-02 | - | - |
`);

describe('tables of papers', () => {
  it('reads each row of a paper table as an entry with title, venue, year, links and the arXiv id', () => {
    const doc = parseWhole(PAPERS);
    assert.equal(doc.entries.length, 3);
    const [first, second, third] = doc.entries as [Entry, Entry, Entry];

    assert.equal(first.title?.text, 'Tuning Vision Models by Instruction');
    assert.equal(textAt(PAPERS, first.title!.range), 'Tuning Vision Models by Instruction');
    assert.equal(first.venue?.text, 'NeurIPS');
    assert.equal(first.year?.value, 2023);
    assert.equal(textAt(PAPERS, first.year!.range), '2023');
    assert.equal(first.year!.range.start.character, PAPERS.split('\n')[6]!.indexOf('2023-04-17'));
    assert.equal(first.arxiv?.id, '2304.01234');
    assert.equal(textAt(PAPERS, first.arxiv!.range), 'https://arxiv.org/pdf/2304.01234.pdf');
    assert.deepEqual(first.links.map((l) => [l.label.text, l.url.text, l.title === true]), [
      ['Tuning Vision Models by Instruction', 'https://arxiv.org/pdf/2304.01234.pdf', true],
      ['GitHub', 'https://github.com/acme/vit-tune', false],
      ['Demo', 'https://demo.example.org/', false],
    ]);
    assert.equal(textAt(PAPERS, first.links[1]!.range), '[GitHub](https://github.com/acme/vit-tune)');
    assert.deepEqual(first.linkIssues, []);
    // The entry is the whole row.
    assert.equal(textAt(PAPERS, first.range), PAPERS.split('\n')[6]);

    // A badge and `<br>` around the title: the title is the link's text, without `**`.
    assert.equal(second.title?.text, 'Adapters All the Way Down');
    assert.equal(textAt(PAPERS, second.title!.range), 'Adapters All the Way Down');
    assert.equal(second.venue?.text, 'CVPR');
    assert.equal(second.year?.value, 2023, 'the Date column dates the row before the venue year');
    assert.equal(second.arxiv?.id, '2303.05678');

    assert.equal(third.title?.text, 'A Blog Post About Models');
    assert.equal(third.venue?.text, 'Blog');
    assert.equal(third.arxiv, undefined);
    assertRangesMatch(PAPERS, doc);
  });

  it('makes the table a list of its body rows, marked as a table', () => {
    const doc = parseWhole(PAPERS);
    assert.equal(doc.lists.length, 1);
    const list = doc.lists[0]!;
    assert.equal(list.table, true);
    assert.equal(list.ordered, false);
    assert.equal(list.depth, 0);
    assert.equal(list.items.length, 3);
    assert.deepEqual(list.items.map((i) => i.marker), [{ delimiter: '|' }, { delimiter: '|' }, { delimiter: '|' }]);
    assert.deepEqual(list.items.map((i) => i.range.start.line), [6, 7, 8]);
    assert.deepEqual(list.items.map((i) => i.entry), doc.entries);
    assert.deepEqual(list.range, { start: { line: 4, character: 0 }, end: { line: 8, character: PAPERS.split('\n')[8]!.length } });
    // Moving the chunk keeps the flag.
    assert.equal(listsMovedDown(doc.lists, 3)[0]!.table, true);
  });

  it('reads badge links as links labelled by the image alt, never as the title', () => {
    const text = dedent(`
      | Title | Venue | Date |
      |---|---|---|
      | [![Stars](https://img.shields.io/github/stars/acme/lens.svg)](https://github.com/acme/lens) <br> **[Looking Through Lenses](https://arxiv.org/abs/2310.04444)** <br> | ICCV | 2023-10-06 |
    `);
    const doc = parseWhole(text);
    const e = doc.entries[0]!;
    assert.equal(e.title?.text, 'Looking Through Lenses');
    assert.deepEqual(e.links.map((l) => [l.label.text, l.url.text, l.image === true, l.title === true]), [
      ['Stars', 'https://github.com/acme/lens', true, false],
      ['Looking Through Lenses', 'https://arxiv.org/abs/2310.04444', false, true],
    ]);
    assert.equal(textAt(text, e.links[0]!.range), '[![Stars](https://img.shields.io/github/stars/acme/lens.svg)](https://github.com/acme/lens)');
    assert.equal(e.arxiv?.id, '2310.04444');
    assertRangesMatch(text, doc);
  });

  it('takes the year from the venue cell when there is no date column', () => {
    const text = dedent(`
      | Paper | Conference |
      |---|---|
      | [Sparse Things](https://openreview.net/forum?id=abc123) | ICLR 2022 |
      | [Dense Things](https://aclanthology.org/2021.acl-long.1.pdf) | ACL (2021) |
    `);
    const doc = parseWhole(text);
    assert.deepEqual(doc.entries.map((e) => [e.title?.text, e.venue?.text, e.year?.value]), [
      ['Sparse Things', 'ICLR', 2022],
      ['Dense Things', 'ACL', 2021],
    ]);
    assertRangesMatch(text, doc);
  });

  it('reads the title from a paper column when the first column names a dataset, and authors from their column', () => {
    const text = dedent(`
      | Name | Paper | Authors | Year |
      |:-----|:-----:|:-------:|:----:|
      | **PixBench** | [PixBench: Judging Pictures at Scale](https://arxiv.org/pdf/2401.00002.pdf) | A. Lovelace, C. Babbage | (2024) |
      | **TalkSet** | [TalkSet: Dialogues With Images](https://arxiv.org/abs/2312.00003) | _G. Hopper_ | 2023 |
    `);
    const doc = parseWhole(text);
    assert.deepEqual(doc.entries.map((e) => [e.title?.text, e.authors?.text, e.authorsStyle, e.year?.value, e.arxiv?.id]), [
      ['PixBench: Judging Pictures at Scale', 'A. Lovelace, C. Babbage', undefined, 2024, '2401.00002'],
      ['TalkSet: Dialogues With Images', 'G. Hopper', 'italic', 2023, '2312.00003'],
    ]);
    assertRangesMatch(text, doc);
  });

  it('takes the title from a name column when the paper column holds only `[arXiv](…)` links', () => {
    const text = dedent(`
      | Model | Paper | Code |
      |---|---|---|
      | Owl-7B | [arXiv](https://arxiv.org/abs/2305.11111) | [code](https://github.com/acme/owl) |
      | Hawk-2 | [arXiv](https://arxiv.org/abs/2306.22222) | - |
    `);
    const doc = parseWhole(text);
    assert.deepEqual(doc.entries.map((e) => [e.title?.text, e.arxiv?.id, e.links.map((l) => l.label.text)]), [
      ['Owl-7B', '2305.11111', ['arXiv', 'code']],
      ['Hawk-2', '2306.22222', ['arXiv']],
    ]);
    assertRangesMatch(text, doc);
  });

  it('reads a table whose header names nothing by content: a date cell and a paper link', () => {
    const text = dedent(`
      |   |   |   |
      |---|---|---|
      | 2021-05 | [Reading Tables Without Headers](https://arxiv.org/abs/2105.01234) | [code](https://github.com/acme/tables) |
      | 2022 | [Another Headless Paper](https://arxiv.org/abs/2203.04321) | - |
    `);
    const doc = parseWhole(text);
    assert.deepEqual(doc.entries.map((e) => [e.title?.text, e.year?.value, e.arxiv?.id]), [
      ['Reading Tables Without Headers', 2021, '2105.01234'],
      ['Another Headless Paper', 2022, '2203.04321'],
    ]);
    assert.equal(textAt(text, doc.entries[0]!.year!.range), '2021');
    assertRangesMatch(text, doc);
  });

  it('reads quoted titles cited with link groups, and a year after the title', () => {
    const text = dedent(`
      | Venue | Benchmark | Source |
      |---|---|---|
      | EMNLP 2019 | CodeSet | "Learning to Write Code From Docs" [[paper](https://arxiv.org/abs/1910.01111)] [[CodeSet](https://github.com/acme/codeset)] |
      | arXiv | MathSet | "Counting With Language Models" [[paper](https://arxiv.org/abs/2108.02222)] |

      | Title | Code |
      |---|---|
      | [Old But Gold](https://arxiv.org/abs/1706.03762) (2017) | - |
    `);
    const doc = parseWhole(text);
    assert.deepEqual(doc.entries.map((e) => [e.title?.text, e.venue?.text, e.year?.value]), [
      ['Learning to Write Code From Docs', 'EMNLP', 2019],
      ['Counting With Language Models', 'arXiv', undefined],
      ['Old But Gold', undefined, 2017],
    ]);
    assertRangesMatch(text, doc);
  });

  it('gives no entries for tables that do not list papers', () => {
    const text = dedent(`
      # Resources

      | Model | Size | Weights |
      |---|---|---|
      | Owl | 7B | [HF](https://huggingface.co/acme/owl) |
      | Hawk | 13B | [HF](https://huggingface.co/acme/hawk) |

      | Dataset | Images | Download |
      |---|---|---|
      | PicSet | 1M | [Link](https://example.org/picset.zip) |
      | DrawSet | 2M | [Link](https://example.org/drawset.zip) |

      | Title | Speaker | Video |
      |---|---|---|
      | [Talking About Models](https://www.youtube.com/watch?v=abc) | Ada | - |
      | [More Talking](https://youtu.be/def) | Grace | - |

      | Section | Contributors |
      |---|---|
      | Pretraining | Ada, Grace |

      | Edit Type | Benchmarks & Datasets |
      |---|---|
      | **Facts** | [SetA](https://arxiv.org/abs/2305.00001), [SetB](https://github.com/acme/setb), [SetC](https://arxiv.org/abs/2305.00003) |
      | **Languages** | [SetD](https://arxiv.org/abs/2309.00004),[SetE](https://arxiv.org/pdf/2308.00005.pdf) |
      | **Tone** | [SetF](https://arxiv.org/abs/2206.00006) |
    `);
    const doc = parseWhole(text);
    assert.deepEqual(doc.entries, []);
    assert.deepEqual(doc.lists, []);
  });

  it('leaves HTML tables alone', () => {
    const text = dedent(`
      <table>
        <tr><th>Title</th><th>Year</th></tr>
        <tr><td><a href="https://arxiv.org/abs/2301.00001">A Paper</a></td><td>2023</td></tr>
      </table>
    `);
    const doc = parseWhole(text);
    assert.deepEqual(doc.entries, []);
    assert.deepEqual(doc.lists, []);
  });

  it('still finds anchors in any table, paper table or not', () => {
    const text = dedent(`
      # Top

      | Part | Where |
      |---|---|
      | Intro | [go](#top) |
    `);
    const doc = parseWhole(text);
    assert.deepEqual(doc.anchors.map((a) => [a.fragment, a.label, textAt(text, a.range)]), [['top', 'go', 'top']]);
  });

  it('reads a paper table inside a <details> block (remark parses it after the blank line)', () => {
    const text = dedent(`
      <details>
      <summary>More papers</summary>

      | Title | Venue | Date |
      |---|---|---|
      | [**Hidden Away in Details**](https://arxiv.org/abs/2402.09999) | arXiv | 2024-02-15 |

      </details>
    `);
    const doc = parseWhole(text);
    assert.equal(doc.entries.length, 1);
    assert.equal(doc.entries[0]!.title?.text, 'Hidden Away in Details');
    assert.equal(doc.entries[0]!.year?.value, 2024);
    assertRangesMatch(text, doc);
  });

  it('reads a table inside a list item as a nested list', () => {
    const text = dedent(`
      - Papers we like:

        | Title | Date |
        |---|---|
        | [Nested Tables Work](https://arxiv.org/abs/2401.05555) | 2024-01-10 |
      - Another item
    `);
    const doc = parseWhole(text);
    const table = doc.lists.find((l) => l.table)!;
    assert.equal(table.depth, 1);
    assert.equal(doc.entries[0]!.title?.text, 'Nested Tables Work');
    assertRangesMatch(text, doc);
  });

  it('reads CRLF text with the same fields and exact ranges', () => {
    const crlf = PAPERS.replace(/\n/g, '\r\n');
    const doc = parseWhole(crlf);
    assert.deepEqual(
      doc.entries.map((e) => [e.title?.text, e.venue?.text, e.year?.value, e.arxiv?.id]),
      parseWhole(PAPERS).entries.map((e) => [e.title?.text, e.venue?.text, e.year?.value, e.arxiv?.id]),
    );
    for (const e of doc.entries) assert.ok(!textAt(crlf, e.range).includes('\r'));
    assertRangesMatch(crlf, doc);
  });

  it('gives the same model through the language service and incremental parsing as a whole parse', () => {
    const text = PAPERS + '\n## More\n\n' + PAPERS.split('\n').slice(4).join('\n');
    assert.deepStrictEqual(service().getModel(document(text)).entries, parseWhole(text).entries);
    const parser = new IncrementalParser();
    assert.deepStrictEqual(parser.parse(text).model, parseWhole(text));
    // An edit above the tables moves them.
    const edited = 'Intro line.\n\n' + text;
    assert.deepStrictEqual(parser.parse(edited).model, parseWhole(edited));
  });

  it('agrees with a whole parse when tables stand between and inside long lists', () => {
    const table = fc.constantFrom(
      '| Title | Date |\n|---|---|\n| [A Paper Title](https://arxiv.org/abs/2301.00001) | 2023-01-02 |',
      '| a | b |\n|---|---|\n| c | d |',
      '   | Title | Date |\n   |---|---|\n   | [Indented Table](https://arxiv.org/abs/2302.00002) | 2023 |',
      '| x |\n|---|\n- not a row',
      'text above\n| Title | Date |\n|---|---|\n| [After Text](https://arxiv.org/abs/2303.00003) | 2023 |',
    );
    const item = fc.tuple(fc.constantFrom('1.', '2.', '-'), fc.string({ maxLength: 8 })).map(([m, t]) => `${m} Paper ${t}. _Doe, J._ arXiv 2023. [[paper](https://arxiv.org/abs/2301.0${t.length}000)]`);
    const part = fc.oneof({ weight: 3, arbitrary: item }, { weight: 1, arbitrary: table }, { weight: 1, arbitrary: fc.constantFrom('', '# Heading') });
    const text = fc.array(part, { minLength: 1, maxLength: 40 }).map((parts) => parts.join('\n') + '\n');
    fc.assert(
      fc.property(text, (t) => {
        assert.deepStrictEqual(new IncrementalParser().parse(t).model, parseWhole(t));
      }),
      { numRuns: PROPERTY_RUNS * 5 },
    );
  });
});
