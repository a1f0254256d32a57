import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { document, service, settingsWith } from '../../support/fixtures';
import { applyFix, at, entry, findings, fixAll, fixTitles } from '../../support/rules';

describe('venue-typo', () => {
  it('reports a venue one edit from a known one and fixes it', () => {
    const text = entry(1, { venue: 'arKiv 2023' }) + '\n';
    assert.deepEqual(findings('venue-typo', text), [
      `${at(text, 1, 'arKiv')} Unknown venue "arKiv": did you mean "arXiv"? (Add real venues Surveyor does not know to "venues" in .surveyor.json.)`,
    ]);
    assert.equal(fixAll(text), entry(1, { venue: 'arXiv 2023' }) + '\n');
  });

  it('knows long names, case variants, acronyms and configured venues', () => {
    for (const venue of ['Advances in Neural Information Processing Systems', 'ArXiv 2023', 'ICDL 2020', 'ACM 2021', 'Neurips 2022']) {
      assert.deepEqual(findings('venue-typo', entry(1, { venue }) + '\n'), [], venue);
    }
    const text = entry(1, { venue: 'GraphConf 2023' }) + '\n';
    assert.deepEqual(findings('venue-typo', text, settingsWith((s) => (s.venues = ['GraphConf']))), []);
  });

  it('offers, but does not apply unseen, a fix that would join two lines of an entry', () => {
    // `Arx⏎iv` reads as the venue "Arx iv", one edit from arXiv: the words of a wrapped line, not a typo to rewrite.
    const text = '1. [**A study of things.**](https://arxiv.org/abs/2412.06769) _Hao, S., Weston, J._ Arx\niv 2024.\n';
    assert.deepEqual(fixTitles('venue-typo', text), ['Change to "Arxiv"']);
    assert.equal(fixAll(text), text);
  });

  it('changes only the letters that differ, and applies nothing unseen where a mark differs', () => {
    // "Arxiv" is a spelling the rule accepts: a fix of the stray mark keeps it, and does not rewrite it as "arXiv".
    for (const [venue, fixed] of [
      ['Arxi`v 2024', 'Arxiv 2024'],
      [']Arxiv 2023', 'Arxiv 2023'],
      ['(NeurIPS 2021', 'NeurIPS 2021'], // its ")" lost: the "(" is not the defect
    ]) {
      const text = entry(1, { venue }) + '\n';
      assert.deepEqual(fixTitles('venue-typo', text), [`Change to "${fixed.split(' ')[0]}"`], venue);
      assert.equal(fixAll(text), text, venue);
    }
  });

  it('offers a two-edit guess at a word venue without applying it unseen', () => {
    const text = entry(1, { venue: 'Nerocomputting 2022' }) + '\n';
    assert.deepEqual(fixTitles('venue-typo', text), ['Change to "Neurocomputing"']);
    assert.equal(fixAll(text), text);
  });
});

/** The message for an acronym slip. */
const meant = (written: string, known: string) => `Unknown venue "${written}": did you mean "${known}"? (Add real venues Surveyor does not know to "venues" in .surveyor.json.)`;

describe('venue-typo: acronyms', () => {
  it('reports a swap, a dropped letter, an added letter and a changed letter in a long acronym', () => {
    for (const [written, known] of [
      ['EMLNP', 'EMNLP'],
      ['ICLM', 'ICML'],
      ['NAAC', 'NAACL'],
      ['NerurIPS', 'NeurIPS'],
      ['NeirIPS', 'NeurIPS'],
      ['CVRP', 'CVPR'],
      ['SIGRI', 'SIGIR'],
    ]) {
      const text = entry(1, { venue: `${written} 2023` }) + '\n';
      assert.deepEqual(findings('venue-typo', text), [`${at(text, 1, written)} ${meant(written, known)}`], written);
    }
  });

  it('offers the known acronym, changing only the acronym, and never applies it unseen', () => {
    const text = entry(1, { venue: 'Findings of EMLNP 2023' }) + '\n';
    assert.deepEqual(fixTitles('venue-typo', text), ['Change to "EMNLP"']);
    assert.equal(applyFix('venue-typo', text, 'Change to "EMNLP"'), entry(1, { venue: 'Findings of EMNLP 2023' }) + '\n');
    assert.equal(fixAll(text), text);
    // A mixed-case acronym one letter from a known one is offered too, not applied: `EurIPS` is as real as `NeurIPS`.
    const mixed = entry(1, { venue: 'NerurIPS 2023' }) + '\n';
    assert.deepEqual(fixTitles('venue-typo', mixed), ['Change to "NeurIPS"']);
    assert.equal(fixAll(mixed), mixed);
  });

  it('reads the acronym with its year attached, in parentheses and beside Findings', () => {
    for (const venue of ["ICML'24", 'ICML 2024', 'ICML2024', '(ICML 2024)', 'ICML Findings 2024', 'Findings of ICML 2024', 'ICML 2024 Oral', 'ICML-W 2024', 'ICML23 (Findings)']) {
      const text = entry(1, { venue: venue.replace('ICML', 'ICLM') }) + '\n';
      assert.deepEqual(findings('venue-typo', text), [`${at(text, 1, 'ICLM')} ${meant('ICLM', 'ICML')}`], venue);
    }
  });

  it('reports the slip in every entry style', () => {
    const styles = [
      // A numbered entry whose title is the paper link.
      '1. [**A study of sparse routing**](https://aclanthology.org/2023.emnlp-main.1/). _A. Lee._ EMLNP 2023.\n',
      // A star badge after the venue.
      '- [**A study of sparse routing**](https://arxiv.org/abs/2305.01234) (EMLNP 2023) [![Star](https://img.shields.io/github/stars/a/b.svg)](https://github.com/a/b)\n',
      // Date tag and venue tag.
      '- "A study of sparse routing" [2023-05] [EMLNP 2023] [[paper](https://arxiv.org/abs/2305.01234)]\n',
      // `(Venue)` then a `<br />` line with the authors and links.
      '1. **A study of sparse routing**. (EMLNP 2023) <br />\n   Ann Lee, Bo Chen. [[paper](https://arxiv.org/abs/2305.01234)]\n',
      // A quoted title, italic authors.
      '1. **"A study of sparse routing"**. *Ann Lee et al*. EMLNP 2023. [[Paper](https://arxiv.org/abs/2305.01234)]\n',
      // A table's Venue column.
      '| Title | Venue | Code |\n|---|---|---|\n| [**A study of sparse routing**](https://arxiv.org/abs/2305.01234) | EMLNP 2023 | - |\n| [**Routing revisited**](https://arxiv.org/abs/2305.05678) | ACL 2023 | - |\n',
    ];
    for (const text of styles) {
      const line = text.split('\n').findIndex((l) => l.includes('EMLNP')) + 1;
      assert.deepEqual(findings('venue-typo', text), [`${at(text, line, 'EMLNP')} ${meant('EMLNP', 'EMNLP')}`], text);
    }
    // An item over several paragraphs: the venue is in the second.
    const paragraphs = '1. **A study of sparse routing.**\n\n   *Ann Lee, Bo Chen.* EMLNP 2023. [[pdf](https://arxiv.org/abs/2305.01234)]\n';
    assert.deepEqual(findings('venue-typo', paragraphs), [`${at(paragraphs, 3, 'EMLNP')} ${meant('EMLNP', 'EMNLP')}`]);
  });

  it('never corrects a real acronym, however close to another', () => {
    for (const venue of [
      'ACM', 'IEEE', 'ICDL', 'ICPR', 'ICIP', 'BMVC', 'ACCV', 'ICMR', 'ICME', 'ICMI', 'ICMLA', 'ICCP', 'ICPC', 'ICICS', 'ICDCS', 'IJCAR', 'MICAI',
      'EurIPS', 'PAMI', 'SDM', 'TMM', 'ICST', 'EASE', 'COLT', 'ICLP', 'TACO', 'TKDD', 'ISWC', 'ESWC', 'ICAR', 'NIPS', 'CoNLL', 'INTERSPEECH', 'IEEE TPAMI', 'ACM TOIS',
      // A known venue's workshops.
      'CVPRW', 'NeurIPSW', 'ICCVW',
    ]) {
      assert.deepEqual(findings('venue-typo', entry(1, { venue: `${venue} 2023` }) + '\n'), [], venue);
    }
  });

  it('guesses only where exactly one known acronym is that close, and a changed letter only in a long one', () => {
    // Two edits away; a letter changed in a short acronym (`ICMX`: `ICML`, `ICME`, `ICMR` …); three letters or fewer.
    for (const venue of ['NeirIPZ', 'EMLPN', 'ICMX', 'ICSX', 'CLM', 'ALC', 'ACLL']) {
      assert.deepEqual(findings('venue-typo', entry(1, { venue: `${venue} 2023` }) + '\n'), [], venue);
    }
  });

  it('says nothing outside the venue, or where the venue does not read as one', () => {
    // A model's name in the title is not a venue.
    assert.deepEqual(findings('venue-typo', entry(1, { title: 'ICLM: instruction tuning for EMLNP tasks' }) + '\n'), []);
    // Words that are not a venue's: a workshop's own name, authors read as the venue.
    // More words than a venue has (at most 8 are read: `NeurIPS 2022 Datasets and Benchmarks Track`).
    for (const venue of ['Workshop on EMLNP Things 2023', 'Lee et al. EMLNP 2023', 'EMLNP, a report 2023', 'Findings of the main track of the long papers of EMLNP 2023']) {
      assert.deepEqual(findings('venue-typo', entry(1, { venue }) + '\n'), [], venue);
    }
  });

  it('knows configured venues', () => {
    const text = entry(1, { venue: 'ICLM 2023' }) + '\n';
    assert.deepEqual(findings('venue-typo', text, settingsWith((s) => (s.venues = ['ICLM']))), []);
  });
});

describe('venue-typo: what is never applied unseen, and how loud an acronym is', () => {
  it('offers, never applies, a plural or a short name: real journals differ from known ones by an "s"', () => {
    for (const venue of ['Cells 2023', 'Pattern 2022', 'Sensor 2021']) {
      const text = entry(1, { venue }) + '\n';
      if (findings('venue-typo', text).length > 0) assert.equal(fixAll(text), text, venue);
    }
    // A word venue one edit from a known one of five letters or more is still repaired unseen.
    const arkiv = entry(1, { venue: 'arKiv 2023' }) + '\n';
    assert.equal(fixAll(arkiv), arkiv.replace('arKiv', 'arXiv'));
  });

  it('reports an acronym slip as an info at most: whether it is a slip rests on how complete the known list is', () => {
    const text = entry(1, { venue: 'EMLNP 2023' }) + '\n';
    const found = service().getDiagnostics(document(text)).filter((d) => d.code === 'venue-typo');
    assert.deepEqual(found.map((d) => d.severity), [DiagnosticSeverity.Information]);
  });
});
