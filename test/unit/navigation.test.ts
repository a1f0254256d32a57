import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, DocumentSymbol, TextEdit } from 'vscode-languageserver-types';
import { SurveyorLanguageService } from '../../server/src/service/languageService';
import type { Taxonomy } from '../../server/src/service/taxonomy';
import { defaultSettings, type SurveyorSettings } from '../../shared/settings';
import { dedent, document, readShared, withCursor } from '../support/fixtures';

const reference = readShared('seed', 'LLM-data-aug-survey.README.md');

function service(settings: SurveyorSettings = defaultSettings(), taxonomy?: Taxonomy): SurveyorLanguageService {
  return new SurveyorLanguageService({ settings: { settingsFor: () => settings }, logger: { log: () => {} }, ...(taxonomy ? { taxonomy: () => taxonomy } : {}) });
}

/** The reference survey with `insert` added as a new line after line `after` (1-based), and the cursor at its end. */
function referenceWith(after: number, insert: string): string {
  const lines = reference.split('\n');
  lines.splice(after, 0, `${insert}$0`);
  return lines.join('\n');
}

function completions(fixture: string, svc = service()): CompletionItem[] {
  const { text, position } = withCursor(fixture);
  return svc.getCompletions(document(text), position).items;
}

/** Applies a completion item's edit at the cursor. */
function accept(fixture: string, item: CompletionItem): string {
  const { text } = withCursor(fixture);
  const doc = document(text);
  return TextDocument.applyEdits(doc, [item.textEdit as TextEdit]);
}

describe('completion', () => {
  it('after "#### " under "### Computer Vision", offers its categories', () => {
    const fixture = referenceWith(244, '#### ');
    const items = completions(fixture);
    assert.deepEqual(items.map((i) => i.label), ['Image classification', 'Semantic segmentation', 'Object detection']);
  });

  it('offers the categories missing from the document first, and inserts the name as the taxonomy spells it', () => {
    const text = dedent(`
      ## Applications
      ### Computer Vision
      #### Object detection
      1. x. _Doe, J._ arXiv 2023. [[paper](https://arxiv.org/abs/2305.16289)]
      #### $0
    `);
    const items = completions(text);
    assert.deepEqual(items.map((i) => [i.label, i.sortText![0]]), [['Image classification', '0'], ['Semantic segmentation', '0'], ['Object detection', '1']]);
    assert.equal(accept(text, items[0]!).split('\n')[4], '#### Image classification');
  });

  it('offers bold categories after *** and writes them bold', () => {
    const text = dedent(`
      ## Approaches
      ### Image Augmentation
      #### Prompt-driven approaches
      ***Text Prompt-driven***
      1. x. _Doe, J._ arXiv 2023. [[paper](https://arxiv.org/abs/2305.16289)]

      ***$0
    `);
    const items = completions(text);
    assert.deepEqual(items.map((i) => i.label), ['Visual Prompt-driven', 'Multimodal Prompt-driven', 'Text Prompt-driven']);
    assert.equal(accept(text, items[0]!).split('\n')[6], '***Visual Prompt-driven***');
  });

  it('offers a section the table of contents names but the body lacks', () => {
    const text = '- [Survey tools](#survey-tools)\n- [Datasets](#datasets)\n\n## Datasets\n## $0\n';
    assert.ok(completions(text).some((i) => i.label === 'Survey tools' && i.sortText![0] === '0'));
  });

  it('completes anchors inside the HTML table of contents, labelled with the heading text', () => {
    const lines = reference.split('\n');
    lines[54] = '    <li><a href="#top-k$0">Top-K Selection</a></li>';
    const fixture = lines.join('\n');
    const items = completions(fixture);
    const topK = items.find((i) => i.label === 'Top-K Selection')!;
    assert.equal(topK.detail, '#top-k-selection');
    assert.equal(accept(fixture, topK).split('\n')[54], '    <li><a href="#top-k-selection">Top-K Selection</a></li>');
    assert.ok(completions('[x](#$0)\n\n## One\n## Two\n').map((i) => i.label).join() === 'One,Two');
  });

  it('on an empty line after a numbered entry, offers the next entry as a snippet in the list style', () => {
    const [item] = completions(referenceWith(99, ''));
    assert.equal(item!.label, '24. New entry');
    assert.equal((item!.textEdit as TextEdit).newText, '24. ${1:title}. _${2:authors}_ ${3:venue} ${4:year}. [[paper](${5:url})]');
    assert.equal(item!.insertTextFormat, 2);
  });

  it('offers venues after the authors and link labels inside [[', () => {
    const venues = completions('1. Title. _Doe, J._ Neur$0\n').map((i) => i.label);
    assert.ok(venues.includes('NeurIPS') && venues.includes('arXiv'));
    assert.deepEqual(completions('1. Title. _Doe, J._ arXiv 2023. [[paper](https://x.org)][[$0\n').map((i) => i.label).slice(0, 3), ['paper', 'code', 'project']);
  });
});

describe('outline, folding, selection', () => {
  it('the outline of the reference survey has the tree of its headings and bold lines, with entries as leaves', () => {
    const symbols = service().getDocumentSymbols(document(reference));
    const tree = (s: DocumentSymbol[], depth = 0): string[] => s.flatMap((x) => (x.kind === 15 ? [] : [`${'  '.repeat(depth)}${x.name}`, ...tree(x.children ?? [], depth + 1)]));
    const lines = tree(symbols);
    const headings = reference.split('\n').filter((l) => /^#{1,6} /.test(l) || /^\*\*\*[^*]+\*\*\*$/.test(l));
    assert.equal(lines.length, headings.length);
    assert.deepEqual(lines.slice(0, 8), [
      'Papers and resources on data augmentation using large models',
      '  News and updates',
      '  Approaches',
      '    Image Augmentation',
      '      Prompt-driven approaches',
      '        Text Prompt-driven',
      '        Visual Prompt-driven',
      '        Multimodal Prompt-driven',
    ]);
    const textPrompt = symbols[0]!.children![1]!.children![0]!.children![0]!.children![0]!;
    assert.equal(textPrompt.children!.length, 23);
    assert.equal(textPrompt.children![11]!.name, 'Diversify your vision datasets with automatic diffusion-based augmentation');
  });

  it('folds each section and each list', () => {
    const folds = service().getFoldingRanges(document(dedent(`
      ## A
      1. a
      2. b
      ## B
      text
    `)));
    assert.deepEqual(folds.map((f) => [f.startLine, f.endLine]), [[0, 2], [3, 4], [1, 2]]);
  });

  it('grows a selection from a field to its entry, list and sections', () => {
    const { text, position } = withCursor('## A\n### B\n1. Ti$0tle. _Doe, J._ arXiv 2023. [[paper](https://arxiv.org/abs/2305.16289)]\n2. x. _Doe, J._ arXiv 2023. [[paper](https://arxiv.org/abs/2305.16290)]\n');
    let selection: { range: { start: { line: number; character: number } }; parent?: unknown } | undefined = service().getSelectionRanges(document(text), [position])[0];
    const chain: string[] = [];
    while (selection) {
      chain.push(`${selection.range.start.line}:${selection.range.start.character}`);
      selection = selection.parent as typeof selection;
    }
    assert.deepEqual(chain, ['2:3', '2:3', '2:0', '1:0', '0:0'], 'title, entry, list, ### B, ## A');
  });
});

describe('go to definition, references, rename', () => {
  const uri = 'file:///survey/README.md';

  it('from the table of contents lands on the heading', () => {
    const lines = reference.split('\n');
    const doc = document(reference);
    const [target] = service().getDefinition(doc, { line: 36, character: lines[36]!.indexOf('#news') + 3 });
    assert.deepEqual(target, { uri, range: { start: { line: 66, character: 3 }, end: { line: 66, character: 19 } } });
    const [typo] = service().getDefinition(doc, { line: 54, character: lines[54]!.indexOf('#top-k') + 3 });
    assert.equal(typo!.range.start.line, 254, 'a misspelled link still leads to the heading it meant');
  });

  it("from an entry's arXiv link to the paper's other listings", () => {
    const doc = document(reference);
    const line = reference.split('\n')[157]!;
    const targets = service().getDefinition(doc, { line: 157, character: line.indexOf('2007.06949') });
    assert.deepEqual(targets.map((t) => t.range.start.line + 1), [250]);
  });

  it('finds every link to a heading, and every listing of a paper', () => {
    const doc = document(reference);
    const refs = service().getReferences(doc, { line: 254, character: 6 }, true);
    assert.deepEqual(refs.map((r) => r.range.start.line + 1), [255, 55]);
    const listings = service().getReferences(doc, { line: 160, character: 10 }, true);
    assert.deepEqual(listings.map((r) => r.range.start.line + 1), [161, 217, 256]);
  });

  it('renaming "Top-K Selection" updates the heading and the table of contents in one edit', () => {
    const doc = document(reference);
    const at = { line: 254, character: 6 };
    assert.deepEqual(service().prepareRename(doc, at), { range: { start: { line: 254, character: 4 }, end: { line: 254, character: 19 } }, placeholder: 'Top-K Selection' });
    const renamed = TextDocument.applyEdits(doc, service().rename(doc, at, 'Top-K Filtering'));
    const lines = renamed.split('\n');
    assert.equal(lines[254], '### Top-K Filtering');
    assert.equal(lines[54], '    <li><a href="#top-k-filtering">Top-K Selection</a></li>');
    assert.equal(renamed.split('\n').filter((l, i) => l !== reference.split('\n')[i]).length, 2, 'nothing else changed');
  });

  it('renames Markdown links too, and slugs that shift with a repeated heading', () => {
    const text = '- [a](#one) [b](#one-1)\n\n## One\n## One\n';
    const doc = document(text);
    const renamed = TextDocument.applyEdits(doc, service().rename(doc, { line: 2, character: 4 }, 'Zero'));
    assert.equal(renamed, '- [a](#zero) [b](#one)\n\n## Zero\n## One\n');
  });

  it('refuses to rename what is not a heading', () => {
    const doc = document('## One\ntext\n');
    assert.equal(service().prepareRename(doc, { line: 1, character: 1 }), null);
    assert.throws(() => service().rename(doc, { line: 1, character: 1 }, 'x'), /Only a heading can be renamed/);
    assert.throws(() => service().rename(doc, { line: 0, character: 4 }, '  '), /one non-empty line/);
  });
});

describe('code lenses and document links', () => {
  it('counts papers and code under each heading, and can be turned off', () => {
    const doc = document(reference);
    const lenses = service().getCodeLenses(doc);
    const cv = lenses.find((l) => l.range.start.line === 221)!;
    assert.equal(cv.command!.title, '17 papers · 9 with code');
    const off = defaultSettings();
    off.codeLens = false;
    assert.deepEqual(service(off).getCodeLenses(doc), []);
  });

  it('links arXiv:ID in prose to the abstract page', () => {
    const links = service().getDocumentLinks(document('As in arXiv:2401.15422v2 and [x](https://arxiv.org/abs/2305.16289).\n'));
    assert.deepEqual(links.map((l) => [l.target, l.range.start.character, l.range.end.character]), [['https://arxiv.org/abs/2401.15422', 6, 24]]);
  });
});

describe('workspace symbols and a custom taxonomy', () => {
  it('finds papers by title words across the open surveys', () => {
    const a = document('1. Graph networks for everything. _Doe, J._ arXiv 2023. [[paper](https://arxiv.org/abs/2305.16289)]\n', 'file:///a/README.md');
    const b = document('1. Networks of graphs. _Roe, R._ arXiv 2022. [[paper](https://arxiv.org/abs/2204.01959)]\n', 'file:///b/README.md');
    const found = service().getWorkspaceSymbols([a, b], 'graph NETWORKS');
    assert.deepEqual(found.map((s) => [s.name, s.location.uri]), [
      ['Graph networks for everything', 'file:///a/README.md'],
      ['Networks of graphs', 'file:///b/README.md'],
    ]);
    assert.deepEqual(service().getWorkspaceSymbols([a, b], 'everything').length, 1);
  });

  it('completes headings from the taxonomy .surveyor.json names', () => {
    const taxonomy: Taxonomy = { topLevel: 2, categories: [{ name: 'Methods', children: [{ name: 'Graph methods' }, { name: 'Sequence methods' }] }] };
    const items = completions('## Methods\n### $0\n', service(defaultSettings(), taxonomy));
    assert.deepEqual(items.map((i) => i.label), ['Graph methods', 'Sequence methods']);
  });
});
