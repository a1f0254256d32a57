import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CORRUPTIONS_PER_TEXT, CorruptedFixes } from '../support/corruptedFixes';
import { corpusFiles, document, readShared, service } from '../support/fixtures';

/**
 * The fix-safety property of `test/unit/fixSafety.test.ts` over randomly
 * corrupted copies of the real lists (read at run time from ../shared): per
 * list, SURVEYOR_CORRUPTIONS_PER_TEXT corruptions (60 by default, 600 over the
 * ten lists), each checked as `corruptedFixes.ts` describes. A failure names
 * the seed, which gives the same corruption again.
 */
describe('safe fixes of corrupted lists keep what GitHub renders and repair only the corruption', () => {
  const texts: [string, string][] = [
    ['the reference survey', readShared('seed', 'LLM-data-aug-survey.README.md')],
    ...corpusFiles().map((f): [string, string] => [path.basename(f), fs.readFileSync(f, 'utf8')]),
  ];

  for (const [name, text] of texts) {
    it(`${name}: ${CORRUPTIONS_PER_TEXT} corruptions`, () => {
      const svc = service();
      let doc = document(text);
      for (let round = 0; round < 5; round++) {
        const edits = svc.getFixAllEdits(doc);
        if (edits.length === 0) break;
        doc = TextDocument.create(doc.uri, 'markdown', doc.version + 1, TextDocument.applyEdits(doc, edits));
      }
      const corrupted = new CorruptedFixes(svc, doc.uri, doc.getText());
      const failures: string[] = [];
      for (let seed = 1; seed <= CORRUPTIONS_PER_TEXT; seed++) {
        const failure = corrupted.check(seed);
        if (failure) failures.push(failure);
      }
      assert.equal(failures.length, 0, `${name}: ${failures.length} of ${CORRUPTIONS_PER_TEXT} corruptions\n${failures.join('\n')}`);
    });
  }
});
