import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findingLines, judgedLists, perRule, readExpected, severityOf } from '../support/corpusFindings';

/**
 * Surveyor on real lists, against judged expectations (see
 * `test/support/corpusFindings.ts`): a finding gained or lost shows as a diff
 * of judged data. `npm run corpus` prints the per-rule table and, with
 * `--write`, rewrites the files from the current findings keeping their notes;
 * every line it adds must then be read on the list and judged.
 */
describe('judged findings on real lists', () => {
  const lists = judgedLists();
  it('finds the reference survey and the corpora', () => assert.ok(lists.length >= 10, `found ${lists.length} lists`));

  for (const { name, file } of lists) {
    it(`${name}: exactly the judged findings`, (t) => {
      const { findings: expected } = readExpected(name);
      const actual = findingLines(file);
      const wanted = new Set(expected.map((f) => f.finding));
      const got = new Set(actual);
      const unexpected = actual.filter((f) => !wanted.has(f));
      const missing = expected.filter((f) => !got.has(f.finding)).map((f) => f.finding);
      assert.deepEqual({ unexpected, missing }, { unexpected: [], missing: [] }, `findings on ${name} differ from test/corpora/${name}.expected`);
      const falseAlarms = expected.filter((f) => !f.judgedTrue && !['hint', 'info'].includes(severityOf(f.finding)));
      assert.deepEqual(falseAlarms.map((f) => f.finding), [], 'no warning or error is judged false');
      const table = [...perRule(expected)].map(([code, row]) => `${code} ${row.judgedTrue}/${row.findings}`).join(', ');
      t.diagnostic(`${name}: ${table || 'no findings'}`);
    });
  }

  it('info and hint findings are at least 90 % right, judged the same way, across the lists', () => {
    let all = 0;
    let right = 0;
    for (const { name } of lists) {
      for (const f of readExpected(name).findings) {
        if (!['hint', 'info'].includes(severityOf(f.finding))) continue;
        all++;
        if (f.judgedTrue) right++;
      }
    }
    assert.ok(all === 0 || right / all >= 0.9, `${right} of ${all} info and hint findings judged right`);
  });
});
