import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';
import { IncrementalParser, parseWhole } from '../../server/src/service/model/documentParser';
import { corpusFiles, readShared } from '../support/fixtures';

/** Every real list read in chunks and pieces, as the server reads it, equals a parse of the whole text. */
describe('real lists read in pieces', () => {
  for (const file of [...corpusFiles()]) {
    it(`${file.split('/').pop()}: the incremental model equals a whole parse`, () => {
      const text = fs.readFileSync(file, 'utf8');
      assert.deepStrictEqual(new IncrementalParser().parse(text).model, parseWhole(text));
    });
  }
  it('the reference survey too', () => {
    const text = readShared('seed', 'LLM-data-aug-survey.README.md');
    assert.deepStrictEqual(new IncrementalParser().parse(text).model, parseWhole(text));
  });
});
