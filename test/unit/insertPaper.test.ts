import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { citedAuthors } from '../../server/src/service/features/insertPaper';
import { SurveyorLanguageService } from '../../server/src/service/languageService';
import type { ArxivRecord, MetadataSource } from '../../server/src/service/metadata';
import { defaultSettings } from '../../shared/settings';
import { dedent, document, withCursor } from '../support/fixtures';

const paper: ArxivRecord = {
  id: '2402.05937',
  title: 'InstaGen: Enhancing Object Detection by Training on Synthetic Dataset',
  authors: ['Chengjian Feng', 'Yujie Zhong', 'Zequn Jie'],
  published: '2024-02-08',
  updated: null,
  version: null,
  primaryCategory: 'cs.CV',
  journalRef: null,
  doi: null,
  comment: null,
  abstract: null,
};

function service(metadata?: MetadataSource): SurveyorLanguageService {
  return new SurveyorLanguageService({ settings: { settingsFor: () => defaultSettings() }, logger: { log: () => {} }, ...(metadata ? { metadata } : {}) });
}

function insert(fixture: string): string {
  const { text, position } = withCursor(fixture);
  const doc = document(text);
  const result = service().getInsertPaper(doc, position, paper);
  if (result.kind === 'message') return result.message;
  return TextDocument.applyEdits(doc, result.edits);
}

describe('Insert Paper from arXiv', () => {
  it('writes the entry in the reference style with the next number, and moves the later numbers up', () => {
    const fixture = dedent(`
      ## Detection
      1. First. _Doe, J. et al._ arXiv 2023. [[paper](https://arxiv.org/abs/2305.16289)]$0
      2. Second. _Roe, R. et al._ arXiv 2023. [[paper](https://arxiv.org/abs/2305.16290)]
    `);
    assert.equal(
      insert(fixture),
      dedent(`
        ## Detection
        1. First. _Doe, J. et al._ arXiv 2023. [[paper](https://arxiv.org/abs/2305.16289)]
        2. InstaGen: Enhancing Object Detection by Training on Synthetic Dataset. _Feng, C. et al._ arXiv 2024. [[paper](https://arxiv.org/abs/2402.05937)]
        3. Second. _Roe, R. et al._ arXiv 2023. [[paper](https://arxiv.org/abs/2305.16290)]
      `),
    );
  });

  it('replaces a line holding only the paper url, and follows a bold-title, bullet style without authors', () => {
    const fixture = dedent(`
      ## Detection
      - **Graph networks.** ICLR 2020. [paper](https://example.org/1)
      https://arxiv.org/abs/2402.05937$0
    `);
    assert.equal(
      insert(fixture),
      dedent(`
        ## Detection
        - **Graph networks.** ICLR 2020. [paper](https://example.org/1)
        - **InstaGen: Enhancing Object Detection by Training on Synthetic Dataset.** arXiv 2024. [paper](https://arxiv.org/abs/2402.05937)
      `),
    );
  });

  it('says where the paper already is instead of listing it twice in a section', () => {
    const fixture = dedent(`
      ## Detection
      1. InstaGen. _Feng, C. et al._ arXiv 2024. [[paper](https://arxiv.org/pdf/2402.05937v1.pdf)]
      $0
    `);
    assert.equal(insert(fixture), 'arXiv 2402.05937 is already listed on line 2 under "Detection".');
  });

  it('offers the action on a line holding a bare arXiv url', () => {
    const { text } = withCursor('## A\n1. x. _Doe, J._ arXiv 2023. [[paper](https://arxiv.org/abs/2305.16289)]\n- arXiv:2402.05937$0\n');
    const actions = service().getCodeActions(document(text), { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, { diagnostics: [] });
    const action = actions.find((a) => a.title.startsWith('Insert paper from arXiv'))!;
    assert.equal(action.command!.command, 'surveyor.server.insertPaper');
    assert.deepEqual(action.command!.arguments, [{ uri: 'file:///survey/README.md', position: { line: 2, character: 0 }, reference: '2402.05937' }]);
  });

  it('cites the first author as Surname, I. et al.', () => {
    assert.equal(citedAuthors(['Joseph E. Gonzalez', 'X Y']), 'Gonzalez, J. E. et al.');
    assert.equal(citedAuthors(['Balázs Tarján']), 'Tarján, B.');
  });
});

describe('title-mismatch', () => {
  const text = '1. Instagen enhancing object detection. _Feng, C. et al._ arXiv 2024. [[paper](https://arxiv.org/abs/2402.05937)]\n';
  const metadata: MetadataSource = { lookup: (id) => (id === paper.id ? { kind: 'known', record: paper, source: 'snapshot', fetching: false } : { kind: 'unknown' }) };

  it("reports a title that differs from arXiv's, as info, with a fix offered but not applied unseen", () => {
    const svc = service(metadata);
    const doc = document(text);
    const [d] = svc.getDiagnostics(doc).filter((x) => x.code === 'title-mismatch');
    assert.equal(d!.message, `Title differs from arXiv's for 2402.05937: arXiv has "${paper.title}".`);
    assert.equal(d!.severity, 3);
    const [action] = svc.getCodeActions(doc, d!.range, { diagnostics: [d!], only: ['quickfix'] });
    assert.equal(action!.title, 'Use the arXiv title');
    assert.equal(TextDocument.applyEdits(doc, action!.edit!.changes![doc.uri]!), text.replace('Instagen enhancing object detection', paper.title));
    assert.deepEqual(svc.getFixAllEdits(doc), []);
  });

  it('says nothing without metadata, or when titles differ only in case and punctuation', () => {
    assert.deepEqual(service().getDiagnostics(document(text)).filter((x) => x.code === 'title-mismatch'), []);
    const same = text.replace('Instagen enhancing object detection', 'instagen - enhancing object detection by training on synthetic dataset!');
    assert.deepEqual(service(metadata).getDiagnostics(document(same)).filter((x) => x.code === 'title-mismatch'), []);
  });
});
