import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SurveyorLanguageService } from '../../../server/src/service/languageService';
import type { MetadataSource } from '../../../server/src/service/metadata';
import { defaultSettings } from '../../../shared/settings';
import { INSTAGEN as paper } from '../../support/arxivRecords';
import { document } from '../../support/fixtures';

function service(metadata?: MetadataSource): SurveyorLanguageService {
  return new SurveyorLanguageService({ settings: { settingsFor: () => defaultSettings() }, logger: { log: () => {} }, ...(metadata ? { metadata } : {}) });
}

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
