import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { corpusFiles, document, service } from '../../support/fixtures';

/**
 * The rules over real survey lists in other styles (bold titles, bullets,
 * all-`1.` numbering, pdf links). They must not crash; the counts per rule
 * are printed for a person to read, and the defects checked by hand are
 * asserted so that a rule that goes quiet or loud on them is noticed.
 */
const CHECKED_BY_HAND: Record<string, string[]> = {
  'RUCAIBox__LLMSurvey.README.md': [
    '561 year-mismatch',
    '666 venue-typo',
    '823 author-format',
    '838 duplicate-entry',
    '970 malformed-link',
  ],
  'codefuse-ai__Awesome-Code-LLM.README.md': ['1850 entry-format', '2460 conflicting-identity', '2582 duplicate-entry'],
  'thunlp__GNNPapers.README.md': ['393 malformed-link', '63 entry-format'],
};

describe('rules on the real lists in ../shared/corpora', () => {
  const files = corpusFiles();
  it('finds the corpora', () => assert.ok(files.length >= 3, `expected three corpora, found ${files.length}`));

  for (const file of files) {
    const name = path.basename(file);
    it(`${name}: no rule fails, and the defects read by hand are found`, (t) => {
      const logs: string[] = [];
      const diagnostics = service(undefined, logs).getDiagnostics(document(fs.readFileSync(file, 'utf8')));
      assert.deepEqual(logs, [], 'no rule threw');
      const counts: Record<string, number> = {};
      for (const d of diagnostics) counts[String(d.code)] = (counts[String(d.code)] ?? 0) + 1;
      t.diagnostic(`${name}: ${JSON.stringify(counts)}`);
      const found = new Set(diagnostics.map((d) => `${d.range.start.line + 1} ${d.code}`));
      for (const expected of CHECKED_BY_HAND[name] ?? []) assert.ok(found.has(expected), `expected ${expected}`);
      // A paper with an empty url is not the same paper as another with an empty url.
      if (name.startsWith('thunlp')) assert.equal(counts['duplicate-entry'] ?? 0, 0);
    });
  }
});
