import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultSettings } from '../../../shared/settings';
import { REAL_CLOCK } from '../../../server/src/metadata/clock';
import { MetadataStore } from '../../../server/src/metadata/metadataStore';
import { loadSnapshot } from '../../../server/src/metadata/snapshot';
import { SurveyorLanguageService } from '../../../server/src/service/languageService';
import { NO_METADATA, type MetadataSource } from '../../../server/src/service/metadata';
import { INSTAGEN } from '../../support/arxivRecords';
import { dedent, document } from '../../support/fixtures';
import { at } from '../../support/rules';

// The papers of the bundled snapshot these fixtures cite (their authors on arXiv):
// 2305.16289 Lisa Dunlap, Alyssa Umino, Han Zhang, …; 2402.05937 Chengjian Feng, Yujie Zhong, Zequn Jie, …;
// 2007.06949 Balázs Tarján, György Szaszák, Tibor Fegyó.
const SNAPSHOT: MetadataSource = new MetadataStore({ snapshot: loadSnapshot(), endpoint: 'http://127.0.0.1:9/unused', clock: REAL_CLOCK, log: () => assert.fail('the store logged') });

function service(metadata: MetadataSource = SNAPSHOT): SurveyorLanguageService {
  return new SurveyorLanguageService({ settings: { settingsFor: () => defaultSettings() }, logger: { log: (m) => assert.fail(`logged: ${m}`) }, metadata });
}

function findings(text: string, metadata?: MetadataSource): string[] {
  return service(metadata)
    .getDiagnostics(document(text))
    .filter((d) => d.code === 'author-mismatch')
    .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
}

/** The quick fixes of the first finding, each with the text it makes. */
function fixes(text: string): { title: string; text: string }[] {
  const svc = service();
  const doc = document(text);
  const diagnostic = svc.getDiagnostics(doc).find((d) => d.code === 'author-mismatch');
  assert.ok(diagnostic, 'expected an author-mismatch finding');
  return svc.getCodeActions(doc, diagnostic.range, { diagnostics: [diagnostic], only: ['quickfix'] }).map((a) => ({ title: a.title, text: TextDocument.applyEdits(doc, a.edit!.changes![doc.uri]!) }));
}

const DUNLAP = "is not among arXiv's authors of 2305.16289 (Dunlap, Umino, Zhang, …).";
const FENG = "is not among arXiv's authors of 2402.05937 (Feng, Zhong, Jie, …).";

describe('author-mismatch', () => {
  it('reports a first author arXiv does not list, as info, on the name, in every entry style', () => {
    const text = dedent(`
      # Papers

      ## Numbered

      1. Diversify your vision datasets. _Chen, W. et al._ arXiv 2023. [[paper](https://arxiv.org/abs/2305.16289)]
      2. [**InstaGen: Enhancing Object Detection by Training on Synthetic Dataset.**](https://arxiv.org/abs/2402.05937) _Wenhu Chen, Hexiang Hu._ Arxiv 2024.

      ## Date tags

      - [2024/02] **InstaGen: Enhancing Object Detection.** *Wenhu Chen (Waterloo) et al. arXiv.* [[paper](https://arxiv.org/abs/2402.05937)]

      ## Lines

      1. **InstaGen: Enhancing Object Detection**. (CVPR 2024) <br />
      Hexiang Hu, Wenhu Chen. [[paper](https://arxiv.org/abs/2402.05937)]

      ## Paragraphs

      1. **InstaGen: Enhancing Object Detection.** CVPR 2024.

          *Tarj{\\'a}n, B. and Chen, W.* [[pdf](https://arxiv.org/abs/2402.05937)]

      ## Table

      | Title | Authors | Paper |
      |---|---|---|
      | Diversify your vision datasets | Alyssa Smith, Lisa Dunlap | [paper](https://arxiv.org/abs/2305.16289) |
    `);
    assert.deepEqual(findings(text), [
      `${at(text, 5, 'Chen')} First author "Chen" ${DUNLAP}`,
      `${at(text, 6, 'Wenhu')} First author "Chen" ${FENG}`,
      `${at(text, 10, 'Wenhu')} First author "Chen" ${FENG}`,
      `${at(text, 15, 'Hexiang')} First author "Hu" ${FENG}`,
      `${at(text, 21, 'Tarj')} First author "Tarján" ${FENG}`,
      `${at(text, 27, 'Alyssa')} First author "Smith" ${DUNLAP}`,
    ]);
    const [d] = service().getDiagnostics(document(text)).filter((x) => x.code === 'author-mismatch');
    assert.equal(d!.severity, 3);
    assert.deepEqual(d!.range, { start: { line: 4, character: text.split('\n')[4]!.indexOf('Chen') }, end: { line: 4, character: text.split('\n')[4]!.indexOf('Chen') + 'Chen, W.'.length } });
  });

  it("offers arXiv's first author in the entry's form where the entry shows one name and et al., never applied unseen", () => {
    const initials = '1. Diversify your vision datasets. _Chen, W. et al._ arXiv 2023. [[paper](https://arxiv.org/abs/2305.16289)]\n';
    assert.deepEqual(fixes(initials), [{ title: "Write arXiv's first author: Dunlap, L.", text: initials.replace('Chen, W.', 'Dunlap, L.') }]);
    const given = '- [2024/02] **InstaGen.** *Wenhu Chen (Waterloo) et al. arXiv.* [[paper](https://arxiv.org/abs/2402.05937)]\n';
    assert.deepEqual(fixes(given), [{ title: "Write arXiv's first author: Chengjian Feng", text: given.replace('Wenhu Chen', 'Chengjian Feng') }]);
    // A whole list copied is more than its first name: nothing is offered.
    assert.deepEqual(fixes('1. InstaGen. _Wenhu Chen, Hexiang Hu._ Arxiv 2024. [[paper](https://arxiv.org/abs/2402.05937)]\n'), []);
    assert.deepEqual(TextDocument.applyEdits(document(initials), service().getFixAllEdits(document(initials))), initials);
  });

  it('compares names without accents, case, initials or BibTeX escapes, in every order of name', () => {
    // Each name with, beside it, the same form naming someone arXiv does not list: the names are read, not passed over.
    const cases: [string, string][] = [
      ["_Tarj{\\'a}n, B. et al._", "_Ch{\\'e}n, B. et al._"],
      ['_Tarjan, B. et al._', '_Chen, B. et al._'],
      ['_B. Tarján et al._', '_B. Chen et al._'],
      ['_Balázs Tarján, György Szaszák._', '_Balázs Chen, György Szaszák._'],
      ['_TARJÁN Balázs, Szaszák György._', '_CHEN Wei, Szaszák György._'],
      ['_Tarján B., Szaszák G._', '_Chen B., Szaszák G._'],
      ['_Szaszák, G. et al._', '_Chen, G. et al._'],
      ['_Tarján, Szaszák, Fegyó._', '_Chen, Szaszák, Fegyó._'],
      ['_Balázs Tarján (Budapest University of Technology) et al._', '_Balázs Chen (Budapest University of Technology) et al._'],
    ];
    const entry = (authors: string) => `1. Deep Transformer based Data Augmentation with Subword Units. ${authors} arXiv 2020. [[paper](https://arxiv.org/abs/2007.06949)]\n`;
    for (const [right, wrong] of cases) {
      assert.deepEqual(findings(entry(right)), [], right);
      assert.equal(findings(entry(wrong)).length, 1, wrong);
    }
  });

  it('leaves alone lists written as a group, empty lists, and papers whose metadata is not known', () => {
    for (const authors of ['_OpenAI._', '_Anthropic._', '_Google DeepMind._', '_Meta AI et al._', '*XLang Lab (HKU) arXiv.*', '*FAIR et al.*', '_Gemini Team: Rohan Anil, Sebastian Borgeaud._', '_et al._']) {
      const text = `1. InstaGen. ${authors} arXiv 2024. [[paper](https://arxiv.org/abs/2402.05937)]\n`;
      assert.deepEqual(findings(text), [], authors);
    }
    const wrong = '1. InstaGen. _Chen, W. et al._ arXiv 2024. [[paper](https://arxiv.org/abs/2402.05937)]\n';
    assert.equal(findings(wrong).length, 1);
    assert.deepEqual(findings(wrong, NO_METADATA), []);
    assert.deepEqual(findings(wrong.replace('2402.05937', '2402.09999')), []);
    const noAuthors: MetadataSource = { lookup: () => ({ kind: 'known', record: { ...INSTAGEN, authors: [] }, source: 'arxiv', fetching: false }) };
    assert.deepEqual(findings(wrong, noAuthors), []);
  });
});
