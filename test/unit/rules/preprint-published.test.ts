import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultSettings, type SurveyorSettings } from '../../../shared/settings';
import { REAL_CLOCK } from '../../../server/src/metadata/clock';
import { MetadataStore } from '../../../server/src/metadata/metadataStore';
import { loadSnapshot } from '../../../server/src/metadata/snapshot';
import { SurveyorLanguageService } from '../../../server/src/service/languageService';
import type { ArxivRecord, MetadataSource } from '../../../server/src/service/metadata';
import { arxivPublications, publicationOfRecord } from '../../../server/src/service/publications/arxivPublications';
import { referenceOfDoi } from '../../../server/src/service/publications/venueDoi';
import { MAX_REFERENCE, venueNamedBy } from '../../../server/src/service/publications/venueReference';
import { INSTAGEN } from '../../support/arxivRecords';
import { REFERENCE_SURVEY, document, settingsWith } from '../../support/fixtures';
import { at } from '../../support/rules';

const ID = '2310.01234';

/** A record of our own: an arXiv paper whose record says where it was published. */
function record(fields: Partial<ArxivRecord>): ArxivRecord {
  return { ...INSTAGEN, id: ID, title: 'A study of things', authors: ['Ann Lee', 'Bo Chen'], published: '2023-10-02', ...fields };
}

function knowing(...records: ArxivRecord[]): MetadataSource {
  const byId = new Map(records.map((r) => [r.id, r]));
  return { lookup: (id) => (byId.has(id) ? { kind: 'known', record: byId.get(id)!, source: 'cache', fetching: false } : { kind: 'unknown' }) };
}

function service(metadata: MetadataSource, settings: SurveyorSettings = defaultSettings()): SurveyorLanguageService {
  const logs: string[] = [];
  return new SurveyorLanguageService({ settings: { settingsFor: () => settings }, logger: { log: (m) => assert.fail(`logged: ${m} (${logs.length})`) }, metadata });
}

function findings(text: string, metadata: MetadataSource, settings?: SurveyorSettings): string[] {
  return service(metadata, settings)
    .getDiagnostics(document(text))
    .filter((d) => d.code === 'preprint-published')
    .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
}

function applyFix(text: string, metadata: MetadataSource): { title: string; text: string } {
  const svc = service(metadata);
  const doc = document(text);
  const diagnostic = svc.getDiagnostics(doc).find((d) => d.code === 'preprint-published');
  assert.ok(diagnostic, 'expected a preprint-published finding');
  const [action] = svc.getCodeActions(doc, diagnostic.range, { diagnostics: [diagnostic], only: ['quickfix'] });
  assert.ok(action, 'expected a quick fix');
  return { title: action.title, text: TextDocument.applyEdits(doc, action.edit!.changes![doc.uri]!) };
}

const ACL_2024 = knowing(record({ journalRef: 'Proceedings of ACL 2024' }));
const BY_REFERENCE = 'Published as ACL 2024 (journal reference on arXiv: "Proceedings of ACL 2024"): the entry says arXiv 2023.';

describe('preprint-published', () => {
  describe('a journal reference names a known venue and its year, or nothing', () => {
    const cases: [string, string | undefined][] = [
      ['Findings of ACL 2024', 'Findings of ACL 2024'],
      ['Proceedings of EMNLP 2023', 'EMNLP 2023'],
      ['NeurIPS 2023', 'NeurIPS 2023'],
      ['ICLR 2024', 'ICLR 2024'],
      ['Accepted as a long paper at ACL 2024 (main conference)', 'ACL 2024'],
      ['Transactions of the ACL, vol. 12, pages 1-17, 2024', 'TACL 2024'],
      ['Proceedings of the 61st Annual Meeting of the Association for Computational Linguistics (Volume 1: Long Papers), pages 1234-1250, 2023', 'ACL 2023'],
      ['The Twelfth International Conference on Learning Representations, 2024', 'ICLR 2024'],
      ['Advances in Neural Information Processing Systems 36 (NeurIPS 2023)', 'NeurIPS 2023'],
      ['In: Proc. Interspeech 2023, pp. 1-5', 'Interspeech 2023'],
      ["EMNLP'23", 'EMNLP 2023'],
      ['IJCAI-24', 'IJCAI 2024'],
      ['NIPS 2017', 'NeurIPS 2017'],
      ['Findings of the Association for Computational Linguistics: ACL 2023', 'Findings of ACL 2023'],
      ['Nature 620, 47-53 (2023)', 'Nature 2023'],
      ['IEEE ICASSP 2024', 'ICASSP 2024'],
      ['CVPR 2024 (Highlight)', 'CVPR 2024'],
      // A part of the venue, or an event beside it, is not the venue.
      ['ACL 2023 Workshop on Data Augmentation', undefined],
      ['EMNLP 2023 (Findings)', undefined],
      ['ACL 2024 System Demonstrations', undefined],
      ['ICLR 2024 Tiny Papers', undefined],
      // The shipped list files the Findings of EMNLP under the Findings of ACL: written so, it would be wrong.
      ['Findings of the Association for Computational Linguistics: EMNLP 2023', undefined],
      ['EMNLP Findings 2023', undefined],
      // Not published there, no year, two years, two venues, a venue Surveyor does not know, a near name.
      ['Submitted to NeurIPS 2024', undefined],
      ['Under review at ICLR 2025', undefined],
      ['ICLR', undefined],
      ['Presented at ACL 2022; extended version 2024', undefined],
      ['ACL 2023 and EMNLP 2023', undefined],
      ['Nature Made-up Letters 14, 2023', undefined],
      ['Journal of Made-up Studies 3 (2023)', undefined],
      ['International Conference on Learning Representation 2024', undefined],
      ['CoRR abs/2310.01234 (2023)', undefined],
    ];
    for (const [reference, expected] of cases) {
      it(`${JSON.stringify(reference)} → ${expected ?? 'nothing'}`, () => {
        const named = venueNamedBy(reference, []);
        assert.equal(named && `${named.venue} ${named.year}`, expected);
      });
    }

    it(`a reference longer than ${MAX_REFERENCE} characters names nothing`, () => {
      const long = `ACL 2024 ${'x'.repeat(MAX_REFERENCE)}`.slice(0, MAX_REFERENCE + 1);
      assert.equal(venueNamedBy(long, []), undefined);
      assert.deepEqual(venueNamedBy(`ACL 2024${' '.repeat(MAX_REFERENCE - 8)}`, []), { venue: 'ACL', year: 2024 });
    });

    it('a venue the settings add is known too', () => {
      assert.equal(venueNamedBy('GraphConf 2024', []), undefined);
      assert.deepEqual(venueNamedBy('Proceedings of GraphConf 2024', ['GraphConf']), { venue: 'GraphConf', year: 2024 });
    });
  });

  describe('a DOI names a venue only where its name encodes the event and the year', () => {
    const cases: [string, string | undefined][] = [
      ['10.18653/v1/2024.acl-long.12', 'ACL 2024'],
      ['10.18653/v1/2023.emnlp-main.45', 'EMNLP 2023'],
      ['10.18653/v1/2022.coling-1.123', 'COLING 2022'],
      ['10.18653/v1/2023.findings-acl.7', 'Findings of ACL 2023'],
      ['10.18653/v1/N19-1423', 'NAACL 2019'],
      ['10.21437/Interspeech.2023-1234', 'Interspeech 2023'],
      ['10.1109/CVPR52729.2023.01234', 'CVPR 2023'],
      // A demo track, a workshop, a student workshop, an old volume that is not the main papers, a journal, other publishers.
      ['10.18653/v1/2024.acl-demos.3', undefined],
      ['10.18653/v1/2023.wmt-1.5', undefined],
      ['10.18653/v1/2023.acl-srw.2', undefined],
      ['10.18653/v1/P19-3001', undefined],
      ['10.1109/TPAMI.2023.3261234', undefined],
      ['10.1145/3580305.3599123', undefined],
      ['10.1038/s41586-023-06291-2', undefined],
    ];
    for (const [doi, expected] of cases) {
      it(`${doi} → ${expected ?? 'nothing'}`, () => {
        const reference = referenceOfDoi(doi);
        const named = reference === undefined ? undefined : venueNamedBy(reference, []);
        assert.equal(named && `${named.venue} ${named.year}`, expected);
      });
    }

    it('an IEEE series Surveyor does not know names nothing; the Findings of EMNLP are never written as the Findings of ACL', () => {
      assert.equal(venueNamedBy(referenceOfDoi('10.1109/ZZCONF12345.2023.00123')!, []), undefined);
      // data/venues.json files "EMNLP Findings" under the Findings of ACL: whatever it holds, the event the DOI names is kept.
      const findings = venueNamedBy(referenceOfDoi('10.18653/v1/2023.findings-emnlp.7')!, []);
      assert.ok(findings === undefined || findings.venue === 'Findings of EMNLP', JSON.stringify(findings));
    });
  });

  describe('the arXiv source', () => {
    it('reads the journal reference first, the DOI where the reference names nothing, and says nothing where they disagree', () => {
      assert.deepEqual(publicationOfRecord(record({ journalRef: 'ICLR 2024', doi: '10.1234/whatever' }), []), { venue: 'ICLR', year: 2024, evidence: 'journal-ref', stated: 'ICLR 2024', source: 'arXiv' });
      assert.deepEqual(publicationOfRecord(record({ journalRef: 'A workshop somewhere', doi: '10.18653/v1/2024.acl-long.12' }), []), { venue: 'ACL', year: 2024, evidence: 'doi', stated: '10.18653/v1/2024.acl-long.12', source: 'arXiv' });
      assert.equal(publicationOfRecord(record({ journalRef: 'EMNLP 2023', doi: '10.18653/v1/2024.acl-long.12' }), []), undefined);
      assert.equal(publicationOfRecord(record({}), []), undefined);
    });

    it("is 'unknown' for a paper it has no record of, and undefined for one arXiv does not have", () => {
      const source = arxivPublications({ lookup: (id) => (id === '2301.00001' ? { kind: 'missing', reason: 'no such paper' } : { kind: 'fetching' }) }, []);
      assert.equal(source.publicationOf('2301.00001'), undefined);
      assert.equal(source.publicationOf(ID), 'unknown');
    });
  });

  describe('entries listed as arXiv preprints', () => {
    it('a numbered entry with a [[paper](…)] group', () => {
      const text = `# S\n\n1. A study of things. _Lee, A. et al._ arXiv 2023. [[paper](https://arxiv.org/abs/${ID})]\n`;
      assert.deepEqual(findings(text, ACL_2024), [`${at(text, 3, 'arXiv')} ${BY_REFERENCE}`]);
      assert.deepEqual(applyFix(text, ACL_2024), { title: 'Change to ACL 2024', text: text.replace('arXiv 2023', 'ACL 2024') });
    });

    it('a title link [**Title**](url), with the DOI as the evidence', () => {
      const text = `# S\n\n1. [**A study of things**](https://arxiv.org/abs/${ID}). _A. Lee._ Arxiv 2023.\n`;
      const metadata = knowing(record({ doi: '10.18653/v1/2024.acl-long.12' }));
      assert.deepEqual(findings(text, metadata), [`${at(text, 3, 'Arxiv')} Published as ACL 2024 (DOI 10.18653/v1/2024.acl-long.12 on arXiv): the entry says Arxiv 2023.`]);
      assert.equal(applyFix(text, metadata).text, text.replace('Arxiv 2023', 'ACL 2024'));
    });

    it("a two-digit year keeps its form: arXiv'23 becomes ACL'24", () => {
      const text = `# S\n\n- A study of things. _Lee, A._ arXiv'23. [[paper](https://arxiv.org/abs/${ID})]\n`;
      assert.equal(findings(text, ACL_2024).length, 1);
      assert.equal(applyFix(text, ACL_2024).text, text.replace("arXiv'23", "ACL'24"));
    });

    it('a date tag is the entry’s date and is kept; the venue takes the year', () => {
      const text = `# S\n\n- "A study of things" [2023-10] [arXiv] [[paper](https://arxiv.org/abs/${ID})]\n`;
      assert.deepEqual(findings(text, ACL_2024), [`${at(text, 3, 'arXiv')} ${BY_REFERENCE}`]);
      assert.equal(applyFix(text, ACL_2024).text, text.replace('[arXiv]', '[ACL 2024]'));
    });

    it('a table row: the Venue cell changes, the Date cell stays', () => {
      const row = (n: number, title: string) => `| [${title}](https://arxiv.org/abs/2310.0123${n}) | arXiv | 2023-10 | [code](https://github.com/lee/s${n}) |`;
      const text = `# S\n\n| Title | Venue | Date | Code |\n|---|---|---|---|\n${row(4, 'A study of things')}\n${row(5, 'Another study')}\n`;
      assert.deepEqual(findings(text, ACL_2024), [`${at(text, 5, 'arXiv')} ${BY_REFERENCE}`]);
      assert.equal(applyFix(text, ACL_2024).text, text.replace('| arXiv | 2023-10 | [code](https://github.com/lee/s4)', '| ACL 2024 | 2023-10 | [code](https://github.com/lee/s4)'));
    });

    it('an item over several paragraphs, and one with a star badge', () => {
      const paragraphs = `# S\n\n1. **A study of things.** _Ann Lee, Bo Chen._\n\n   arXiv 2023. [[paper](https://arxiv.org/abs/${ID})]\n`;
      assert.deepEqual(findings(paragraphs, ACL_2024), [`${at(paragraphs, 5, 'arXiv')} ${BY_REFERENCE}`]);
      const badge = `# S\n\n1. **A study of things.** arXiv 2023. [[paper](https://arxiv.org/abs/${ID})] [![Star](https://img.shields.io/github/stars/lee/s.svg)](https://github.com/lee/s)\n`;
      assert.deepEqual(findings(badge, ACL_2024), [`${at(badge, 3, 'arXiv')} ${BY_REFERENCE}`]);
    });

    it('the fix is offered, never applied unseen', () => {
      const text = `# S\n\n1. A study of things. _Lee, A. et al._ arXiv 2023. [[paper](https://arxiv.org/abs/${ID})]\n`;
      assert.deepEqual(service(ACL_2024).getFixAllEdits(document(text)), []);
    });

    it('says nothing without metadata, for a record that names no venue, for an entry not listed as arXiv, or without a year', () => {
      const entry = (venue: string) => `# S\n\n1. A study of things. _Lee, A. et al._ ${venue}. [[paper](https://arxiv.org/abs/${ID})]\n`;
      assert.deepEqual(findings(entry('arXiv 2023'), knowing()), []);
      assert.deepEqual(findings(entry('arXiv 2023'), knowing(record({}))), []);
      assert.deepEqual(findings(entry('arXiv 2023'), knowing(record({ journalRef: 'ACL 2024 Workshop on Things' }))), []);
      assert.deepEqual(findings(entry('ACL 2024'), ACL_2024), []);
      assert.deepEqual(findings(entry('EMNLP 2023'), ACL_2024), []);
      assert.deepEqual(findings(entry('arXiv'), ACL_2024), []);
    });

    it("a venue known only from the settings: reported once the settings name it", () => {
      const text = `# S\n\n1. A study of things. _Lee, A. et al._ arXiv 2023. [[paper](https://arxiv.org/abs/${ID})]\n`;
      const metadata = knowing(record({ journalRef: 'GraphConf 2024' }));
      assert.deepEqual(findings(text, metadata), []);
      assert.equal(findings(text, metadata, settingsWith((s) => (s.venues = ['GraphConf']))).length, 1);
    });
  });

  it('the bundled snapshot: none of its records carries a journal reference or a DOI, and nothing is said on the reference survey', () => {
    const snapshot = loadSnapshot();
    assert.ok(snapshot.size > 50);
    assert.deepEqual([...snapshot.values()].filter((r) => r.journalRef !== null || r.doi !== null).map((r) => r.id), []);
    const store = new MetadataStore({ snapshot, endpoint: 'https://export.arxiv.org/api/query', clock: REAL_CLOCK, log: () => {} });
    assert.deepEqual(findings(fs.readFileSync(REFERENCE_SURVEY, 'utf8'), store), []);
  });
});
