import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { citedAuthors } from '../../server/src/service/features/insertPaper';
import { SurveyorLanguageService } from '../../server/src/service/languageService';
import type { MetadataSource } from '../../server/src/service/metadata';
import { defaultSettings } from '../../shared/settings';
import { INSTAGEN } from '../support/arxivRecords';
import { dedent, document, withCursor } from '../support/fixtures';

const paper = INSTAGEN;

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
