import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { SurveyorLanguageService } from '../../server/src/service/languageService';
import type { MetadataSource } from '../../server/src/service/metadata';
import { defaultSettings, type SurveyorSettings } from '../../shared/settings';
import { apply, editArb } from '../support/edits';
import { readShared } from '../support/fixtures';
import { PROPERTY_RUNS } from '../support/propertyRuns';

/**
 * The analysis keeps what it worked out per chunk and per group of listings
 * between versions, and moves it when lines move. Whatever the edits, a
 * service that followed them must say exactly what a fresh one says.
 */

/** Metadata that knows one paper under a title the survey does not use, once it "arrives". */
class ArrivingMetadata implements MetadataSource {
  arrived = false;
  lookup(id: string) {
    if (!this.arrived || id !== '2305.16289') return { kind: 'unknown' as const };
    const record = { id, title: 'A title arXiv gives', authors: ['Lisa Dunlap'], published: null, updated: null, version: null, primaryCategory: null, journalRef: null, doi: null, comment: null, abstract: null };
    return { kind: 'known' as const, record, source: 'snapshot' as const, fetching: false };
  }
}

function newService(settings: () => SurveyorSettings, metadata: MetadataSource): SurveyorLanguageService {
  return new SurveyorLanguageService({ settings: { settingsFor: settings }, logger: { log: (m) => assert.fail(m) }, metadata });
}

/** Everything a client sees of a diagnostic, as one comparable value. */
function shown(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => JSON.stringify([d.range, d.severity, d.code, d.message, d.relatedInformation ?? []]));
}

type Step = { kind: 'edit'; edit: Parameters<typeof apply>[1] } | { kind: 'settings' } | { kind: 'metadata' };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 8, arbitrary: editArb.map((edit) => ({ kind: 'edit' as const, edit })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'settings' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'metadata' as const }) },
);

describe('incremental analysis', () => {
  it('after any sequence of edits, settings changes and metadata arriving, reports what a fresh service reports', () => {
    const seed = readShared('seed', 'LLM-data-aug-survey.README.md');
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 10 }), (steps) => {
        let settings = defaultSettings();
        const metadata = new ArrivingMetadata();
        const followed = newService(() => settings, metadata);
        const uri = 'file:///survey/README.md';
        let doc = TextDocument.create(uri, 'markdown', 1, seed);
        followed.getDiagnostics(doc);
        for (const step of steps) {
          if (step.kind === 'edit') {
            doc = TextDocument.create(uri, 'markdown', doc.version + 1, apply(doc.getText(), step.edit));
          } else if (step.kind === 'settings') {
            // A new settings object, as a configuration change makes: numbering continues across lists.
            settings = { ...defaultSettings(), numbering: { style: 'sequential', start: settings.numbering.start === 'one' ? 'continue' : 'one' } };
            followed.settingsChanged();
          } else {
            metadata.arrived = !metadata.arrived;
            followed.metadataChanged();
          }
          const fresh = newService(() => settings, metadata);
          assert.deepEqual(shown(followed.getDiagnostics(doc)), shown(fresh.getDiagnostics(doc)));
          assert.deepEqual(followed.getFixAllEdits(doc), fresh.getFixAllEdits(doc));
          assert.deepEqual(followed.getRenumberAllListsEdits(doc), fresh.getRenumberAllListsEdits(doc));
        }
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it('tells apart two sections with the same text, and follows a section moved elsewhere', () => {
    const text = '# A\n\n1. P. _Doe, J._ arXiv 2023. [[paper](https://arxiv.org/abs/2305.16289)]\n\n';
    const followed = newService(() => defaultSettings(), new ArrivingMetadata());
    const uri = 'file:///survey/README.md';
    const twice = TextDocument.create(uri, 'markdown', 1, text + text);
    // The same paper under two headings named alike: listed in two sections, not a duplicate in one.
    assert.deepEqual(followed.getDiagnostics(twice).map((d) => d.code).filter((c) => c === 'duplicate-entry'), []);
    const moved = TextDocument.create(uri, 'markdown', 2, '# B\n\n1. Q. _Roe, R._ arXiv 2023. [[paper](https://arxiv.org/abs/2305.16289)]\n\n' + text);
    const fresh = newService(() => defaultSettings(), new ArrivingMetadata());
    assert.deepEqual(shown(followed.getDiagnostics(moved)), shown(fresh.getDiagnostics(moved)));
  });
});
