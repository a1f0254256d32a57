import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dedent, document, service } from '../../support/fixtures';
import { at, findings } from '../../support/rules';

const THREE = 'Ann Lee, Bo Chen, Cy Diaz';
const ABOVE = (title: string) => `Same authors as the entry above ("${title}"): copied from it and not edited?`;

describe('copied-authors', () => {
  it('reports the second of two adjacent entries with one author list and two papers, in every entry style, offline', () => {
    const text = dedent(`
      # Papers

      ## Numbered

      1. Sparse attention for long inputs. _${THREE}._ arXiv 2024. [[paper](https://arxiv.org/abs/2406.10985)]
      2. Mixture of sparse attention. _${THREE}._ arXiv 2024. [[paper](https://arxiv.org/abs/2406.14909)]

      ## Title links

      1. [**Sparse attention for long inputs.**](https://arxiv.org/abs/2406.10985) _${THREE}._ Arxiv 2024.

      2. [**Mixture of sparse attention.**](https://arxiv.org/abs/2406.14909) _${THREE}._ Arxiv 2024. [![GitHub Repo stars](https://img.shields.io/github/stars/x/moa)](https://github.com/x/moa)

      ## Date tags

      - [2024/06] **Sparse attention for long inputs.** *Ann Lee (MIT), Bo Chen (CMU), Cy Diaz et al. arXiv.* [[paper](https://arxiv.org/abs/2406.10985)]
      - [2024/06] **Mixture of sparse attention.** *Ann Lee (MIT), Bo Chen (CMU), Cy Diaz et al. arXiv.* [[paper](https://arxiv.org/abs/2406.14909)]

      ## Lines

      1. **Sparse attention for long inputs**. (ACL 2024) <br />
      ${THREE}. [[paper](https://aclanthology.org/2024.acl-long.1/)]
      2. **Mixture of sparse attention**. (ACL 2024) <br />
      ${THREE}. [[paper](https://aclanthology.org/2024.acl-long.2/)]

      ## Paragraphs

      1. **Sparse attention for long inputs.** EMNLP 2024.

          *${THREE}.* [[pdf](https://arxiv.org/abs/2406.10985)]

      2. **Mixture of sparse attention.** EMNLP 2024.

          *${THREE}.* [[pdf](https://arxiv.org/abs/2406.14909)]

      ## Table

      | Title | Authors | Paper |
      |---|---|---|
      | Sparse attention for long inputs | ${THREE} | [paper](https://arxiv.org/abs/2406.10985) |
      | Mixture of sparse attention | ${THREE} | [paper](https://arxiv.org/abs/2406.14909) |
    `);
    const title = 'Sparse attention for long inputs';
    assert.deepEqual(findings('copied-authors', text), [
      `${at(text, 6, 'Ann')} ${ABOVE(title)}`,
      `${at(text, 12, 'Ann')} ${ABOVE(title)}`,
      `${at(text, 17, 'Ann')} ${ABOVE(title)}`,
      `${at(text, 24, 'Ann')} ${ABOVE(title)}`,
      `${at(text, 34, 'Ann')} ${ABOVE(title)}`,
      `${at(text, 41, 'Ann')} ${ABOVE(title)}`,
    ]);
    const [d] = service().getDiagnostics(document(text)).filter((x) => x.code === 'copied-authors');
    assert.equal(d!.severity, 4);
    assert.equal(d!.relatedInformation![0]!.location.range.start.line, 4, 'the related place is the entry above');
  });

  it('compares names without accents, case, initials and BibTeX escapes', () => {
    const text = [
      "1. A first paper. _Tarj{\\'a}n, B., Szasz{\\'a}k, G. and Fegy{\\'o}, T._ arXiv 2020. [[paper](https://arxiv.org/abs/2007.06949)]",
      '2. A second paper. _Balázs Tarjan, GYÖRGY SZASZÁK, T. Fegyó._ arXiv 2021. [[paper](https://arxiv.org/abs/2101.00001)]',
    ].join('\n') + '\n';
    assert.deepEqual(findings('copied-authors', text), [`${at(text, 2, 'Balázs')} ${ABOVE('A first paper')}`]);
  });

  it('says nothing of a lone first author or a pair repeated (a series of papers), nor of lists that differ', () => {
    const pair = (first: string, second: string) =>
      `1. A first paper. _${first}_ arXiv 2024. [[paper](https://arxiv.org/abs/2406.00001)]\n2. A second paper. _${second}_ arXiv 2024. [[paper](https://arxiv.org/abs/2406.00002)]\n`;
    const silent: [string, string][] = [
      ['Meng, Y. et al.', 'Meng, Y. et al.'],
      ['Joon Sung Park (Stanford University) et al.', 'Joon Sung Park (Stanford University) et al.'],
      ['Timo Schick, Hinrich Schütze.', 'Timo Schick, Hinrich Schütze.'],
      [`${THREE}.`, 'Ann Lee, Bo Chen, Eve Diaz.'],
      [`${THREE}.`, `${THREE}, Dan Wu.`],
      [`${THREE}.`, `${THREE} et al.`],
      ['ZiHao Wang, Bo Chen, Cy Diaz.', 'Zhilin Wang, Bo Chen, Cy Diaz.'],
      ['OpenAI, Google DeepMind, Meta AI.', 'OpenAI, Google DeepMind, Meta AI.'],
    ];
    for (const [first, second] of silent) assert.deepEqual(findings('copied-authors', pair(first, second)), [], `${first} / ${second}`);
    // The check: the same fixture with the same three names is reported.
    assert.equal(findings('copied-authors', pair(`${THREE}.`, `${THREE}.`)).length, 1);
  });

  it('says nothing of one paper listed twice, of entries apart, or of lists under different headings', () => {
    const line = (n: number, id: string, title = `Paper number ${n}`) => `${n}. ${title}. _${THREE}._ arXiv 2024. [[paper](https://arxiv.org/abs/${id})]`;
    const samePaper = [line(1, '2406.00001'), line(2, '2406.00001v2', 'Paper number 1 (extended)')].join('\n') + '\n';
    assert.deepEqual(findings('copied-authors', samePaper), []);
    const apart = [line(1, '2406.00001'), '2. Another paper. _Eve Wu, Fay Xu, Gus Yi._ arXiv 2024. [[paper](https://arxiv.org/abs/2406.00002)]', line(3, '2406.00003')].join('\n') + '\n';
    assert.deepEqual(findings('copied-authors', apart), []);
    const sections = ['## One', '', line(1, '2406.00001'), '', '## Two', '', line(1, '2406.00002')].join('\n') + '\n';
    assert.deepEqual(findings('copied-authors', sections), []);
    // Without arXiv ids, papers differ by their links and their titles both.
    const noIds = (link2: string, title2: string) =>
      `1. A first paper. _${THREE}._ ACL 2024. [[paper](https://aclanthology.org/2024.acl-long.1/)]\n2. ${title2}. _${THREE}._ ACL 2024. [[paper](${link2})]\n`;
    assert.equal(findings('copied-authors', noIds('https://aclanthology.org/2024.acl-long.2/', 'A second paper')).length, 1);
    assert.deepEqual(findings('copied-authors', noIds('https://aclanthology.org/2024.acl-long.1', 'A second paper')), []);
    assert.deepEqual(findings('copied-authors', noIds('https://aclanthology.org/2024.acl-long.2/', 'A First Paper')), []);
  });
});
