import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseWhole } from '../../server/src/service/model/documentParser';
import type { Entry, SurveyDocument } from '../../server/src/service/model/types';
import { parseArxivUrl } from '../../server/src/service/model/arxivId';
import { corpusFiles, dedent, document, readShared, service } from '../support/fixtures';
import * as fs from 'node:fs';
import * as path from 'node:path';

function entryOf(line: string): Entry | undefined {
  return parseWhole(line + '\n').entries[0];
}

/** Every field's range covers exactly the field's text. */
function assertRangesMatch(text: string, doc: SurveyDocument): void {
  const td = document(text);
  for (const e of doc.entries) {
    for (const span of [e.title, e.authors, e.venue, e.year]) if (span) assert.equal(td.getText(span.range), span.text);
    for (const l of e.links) assert.equal(td.getText(l.label.range), l.label.text);
    if (e.arxiv) assert.match(td.getText(e.arxiv.range), /arxiv/i);
  }
  for (const a of doc.anchors) assert.equal(td.getText(a.range), a.fragment);
}

describe('entry fields', () => {
  it("reads a venue with a two-digit year: ICLR'24", () => {
    const e = entryOf("1. **A title.** _Doe, J._ ICLR'24. [[paper](https://arxiv.org/abs/2305.16289)]")!;
    assert.equal(e.venue?.text, 'ICLR');
    assert.equal(e.year?.value, 2024);
    assert.equal(e.year?.text, '24');
  });

  it('reads the reference style: title, italic authors, venue, year, link groups and the arXiv id', () => {
    const e = entryOf(
      '12. Diversify your vision datasets with automatic diffusion-based augmentation. _Dunlap, L. et al._ arXiv 2023. [[paper](https://arxiv.org/abs/2305.16289)][[code](https://github.com/lisadunlap/ALIA)]',
    )!;
    assert.equal(e.title?.text, 'Diversify your vision datasets with automatic diffusion-based augmentation');
    assert.equal(e.authors?.text, 'Dunlap, L. et al.');
    assert.equal(e.venue?.text, 'arXiv');
    assert.equal(e.year?.value, 2023);
    assert.deepEqual(e.links.map((l) => [l.label.text, l.url.text]), [
      ['paper', 'https://arxiv.org/abs/2305.16289'],
      ['code', 'https://github.com/lisadunlap/ALIA'],
    ]);
    assert.equal(e.arxiv?.id, '2305.16289');
    const line = '12. Diversify your vision datasets with automatic diffusion-based augmentation. _Dunlap, L. et al._ arXiv 2023. [[paper](https://arxiv.org/abs/2305.16289)]';
    const urlRange = parseWhole(line + '\n').entries[0]!.links[0]!.url.range;
    assert.equal(line.slice(urlRange.start.character, urlRange.end.character), 'https://arxiv.org/abs/2305.16289');
  });

  it('reads bold quoted titles with italic authors (RUCAIBox style)', () => {
    const e = entryOf('1. **"WebGPT: Browser-assisted question-answering with human feedback"**. *Reiichiro Nakano et al*. arXiv 2021. [[Paper](https://arxiv.org/abs/2112.09332)]')!;
    assert.equal(e.title?.text, 'WebGPT: Browser-assisted question-answering with human feedback');
    assert.equal(e.authors?.text, 'Reiichiro Nakano et al');
    assert.equal(e.venue?.text, 'arXiv');
    assert.equal(e.year?.text, '2021');
    assert.equal(e.arxiv?.id, '2112.09332');
  });

  it('reads bold titles without authors and pdf links (GNNPapers style)', () => {
    const e = entryOf('1. **A Comprehensive Survey on Graph Neural Networks.** arxiv 2019. [paper](https://arxiv.org/pdf/1901.00596.pdf)')!;
    assert.equal(e.title?.text, 'A Comprehensive Survey on Graph Neural Networks');
    assert.equal(e.authors, undefined);
    assert.equal(e.venue?.text, 'arxiv');
    assert.equal(e.year?.value, 2019);
    assert.equal(e.arxiv?.id, '1901.00596');
  });

  it('reads quoted titles in bullets (Awesome-Code-LLM style)', () => {
    const e = entryOf('- "Evaluating Large Language Models Trained on Code" [2021-07] [[paper](https://www.arxiv.org/abs/2107.03374)]')!;
    assert.equal(e.title?.text, 'Evaluating Large Language Models Trained on Code');
    assert.equal(e.arxiv?.id, '2107.03374');
  });

  it('leaves absent what the entry does not say (no year guessed from inside a venue)', () => {
    const e = entryOf('11. Textual data augmentation. _Quteineh, H. et al._ Proceedings of the 2020 Conference on Empirical Methods in Natural Language Processing (EMNLP). [[paper](https://aclanthology.org/2020.emnlp-main.600/)]')!;
    assert.equal(e.venue?.text, 'Proceedings of the 2020 Conference on Empirical Methods in Natural Language Processing (EMNLP)');
    assert.equal(e.year, undefined);
    assert.equal(e.arxiv, undefined);
  });

  it('does not take news lines, steps or tables of contents for papers', () => {
    assert.equal(entryOf('* [03/04/2024] The second version is out: [A Survey](https://export.arxiv.org/abs/2401.15422).'), undefined);
    assert.equal(entryOf('1. Fork the repository.'), undefined);
    assert.equal(entryOf('- [Approaches](#approaches)'), undefined);
    assert.equal(entryOf('- Evaluation of large language models: [[LLM-eval](https://llm-eval.github.io/)]'), undefined);
  });
});

describe('arXiv ids', () => {
  const cases: [string, string | undefined, number?][] = [
    ['https://arxiv.org/abs/2401.15422', '2401.15422'],
    ['https://arxiv.org/abs/2401.15422v2', '2401.15422', 2],
    ['http://www.arxiv.org/pdf/2401.15422.pdf', '2401.15422'],
    ['https://arxiv.org/pdf/2401.15422v3.pdf', '2401.15422', 3],
    ['https://export.arxiv.org/abs/2401.15422', '2401.15422'],
    ['https://browse.arxiv.org/html/2401.15422v1', '2401.15422', 1],
    ['https://arxiv.org/abs/2401.15422?context=cs.CL', '2401.15422'],
    ['https://ar5iv.labs.arxiv.org/html/2401.15422', '2401.15422'],
    ['https://arxiv.org/pdf/quant-ph/0201144.pdf', 'quant-ph/0201144'],
    ['https://arxiv.org/abs/math.GT/0309136', 'math/0309136'],
    ['https://arxiv.org/abs/0704.0001', '0704.0001'],
    ['https://github.com/arxiv/abs/2401.15422', undefined],
    ['https://arxiv.org/list/cs.CL/recent', undefined],
    ['not a url', undefined],
  ];
  for (const [url, id, version] of cases) {
    it(`${url} -> ${id ?? 'none'}`, () => {
      const parsed = parseArxivUrl(url);
      assert.equal(parsed?.id, id);
      assert.equal(parsed?.version, version);
    });
  }
});

describe('sections', () => {
  it('nests headings and puts a bold category one level below the heading above it', () => {
    const doc = parseWhole(
      dedent(`
        # Title
        ## Approaches
        ### Image
        ***Text Prompt-driven***
        1. a

        ***Visual Prompt-driven***
        ## Approaches
        **NOTE:** not a category.
      `),
    );
    assert.deepEqual(
      doc.sections.map((s) => [s.kind, s.level, s.text, s.slug, s.parent]),
      [
        ['heading', 1, 'Title', 'title', -1],
        ['heading', 2, 'Approaches', 'approaches', 0],
        ['heading', 3, 'Image', 'image', 1],
        ['category', 4, 'Text Prompt-driven', undefined, 2],
        ['category', 4, 'Visual Prompt-driven', undefined, 2],
        ['heading', 2, 'Approaches', 'approaches-1', 0],
      ],
    );
    assert.deepEqual(doc.sections[3]!.textRange, { start: { line: 3, character: 3 }, end: { line: 3, character: 21 } });
    assert.deepEqual(doc.sections[1]!.bodyRange, { start: { line: 1, character: 0 }, end: { line: 7, character: 0 } });
  });

  it('finds anchors in Markdown links and in HTML hrefs, and explicit ids', () => {
    const text = dedent(`
      - [Approaches](#approaches)
      <li><a href="#top-k">Top</a></li>

      <a name="acknowledgements"></a>
    `);
    const doc = parseWhole(text);
    assert.deepEqual(doc.anchors.map((a) => [a.kind, a.fragment]), [
      ['markdown', 'approaches'],
      ['html', 'top-k'],
    ]);
    assert.deepEqual(doc.explicitAnchors.map((a) => a.name), ['acknowledgements']);
    assertRangesMatch(text, doc);
  });

  it('does not read headings or lists inside fenced code', () => {
    const doc = parseWhole('```\n# not a heading\n1. not a list\n```\n# Real\n');
    assert.deepEqual(doc.sections.map((s) => s.text), ['Real']);
    assert.equal(doc.lists.length, 0);
  });

  it('reports a binary file as one problem', () => {
    const doc = parseWhole('# a\0b\n'.repeat(1000));
    assert.equal(doc.problems.length, 1);
    assert.match(doc.problems[0]!.message, /binary/);
  });
});

describe('real surveys', () => {
  it('reads the reference survey: its 147 paper entries, tree and table of contents', () => {
    const text = readShared('seed', 'LLM-data-aug-survey.README.md');
    const doc = parseWhole(text);
    assert.deepEqual(doc.problems, []);
    assert.equal(doc.entries.length, 147);
    assert.equal(new Set(doc.entries.flatMap((e) => (e.arxiv ? [e.arxiv.id] : []))).size, 87);
    assert.equal(doc.sections.filter((s) => s.kind === 'category').length, 3);
    assert.ok(doc.anchors.some((a) => a.kind === 'html' && a.fragment === 'top-k-selectiong'));
    assert.ok(doc.sections.some((s) => s.slug === 'top-k-selection'));
    assertRangesMatch(text, doc);
  });

  for (const file of corpusFiles()) {
    it(`reads ${path.basename(file)} without problems`, () => {
      const text = fs.readFileSync(file, 'utf8');
      // Read as the server reads it, chunk by chunk (the incremental tests show that equals a whole parse).
      const doc = service().getModel(document(text));
      assert.deepEqual(doc.problems, []);
      assertRangesMatch(text, doc);
      console.log(`  ${path.basename(file)}: ${doc.sections.length} sections, ${doc.lists.length} lists, ${doc.entries.length} entries, ${doc.anchors.length} anchors`);
    });
  }
});
