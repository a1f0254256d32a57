import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseWhole } from '../../server/src/service/model/documentParser';
import type { Entry } from '../../server/src/service/model/types';
import { document } from '../support/fixtures';

function entryOf(line: string): Entry {
  const entry = parseWhole(line + '\n').entries[0];
  assert.ok(entry, line);
  return entry;
}

/** The venue and year an entry is read with, each checked against the text its range covers. */
function venueAndYear(line: string): [string | undefined, number | undefined] {
  const e = entryOf(line);
  const doc = document(line + '\n');
  for (const span of [e.venue, e.year]) if (span) assert.equal(doc.getText(span.range), span.text, line);
  return [e.venue?.text, e.year?.value];
}

describe('venue and year read together', () => {
  it('reads a year written onto an acronym', () => {
    assert.deepEqual(venueAndYear('1. **A study of sparse routing.** _Doe, J._ NeurIPS2023. [[paper](https://arxiv.org/abs/2305.16289)]'), ['NeurIPS', 2023]);
    assert.deepEqual(venueAndYear('1. **A study of sparse routing**. (Findings of EMNLP2023) <br />\n   Ann Lee, Bo Chen. [[paper](https://arxiv.org/abs/2305.01234)]'), ['Findings of EMNLP', 2023]);
  });

  it('reads a venue in full-width parentheses', () => {
    assert.deepEqual(venueAndYear('1. **A study of sparse routing**（AAAI 2024） <br />\n   Ann Lee, Bo Chen. [[paper](https://arxiv.org/abs/2305.01234)]'), ['AAAI', 2024]);
  });

  it('keeps the years it read before', () => {
    assert.deepEqual(venueAndYear("1. **A study of sparse routing.** _Doe, J._ ICLR'24. [[paper](https://arxiv.org/abs/2305.16289)]"), ['ICLR', 2024]);
    assert.deepEqual(venueAndYear('1. **A study of sparse routing.** _Doe, J._ EMNLP Findings 2023. [[paper](https://arxiv.org/abs/2305.16289)]'), ['EMNLP Findings', 2023]);
    assert.deepEqual(venueAndYear('1. **A study of sparse routing**. (EMNLP 2023) <br />\n   Ann Lee, Bo Chen. [[paper](https://arxiv.org/abs/2305.01234)]'), ['EMNLP', 2023]);
  });

  it('leaves a name with digits whole: no year where the digits are not one', () => {
    // One capital (`arXiv2023`) is not an acronym: read as before, a venue without a year.
    assert.deepEqual(venueAndYear('1. **A study of sparse routing.** _Doe, J._ arXiv2023. [[paper](https://arxiv.org/abs/2305.16289)]'), ['arXiv2023', undefined]);
    assert.deepEqual(venueAndYear('1. **A study of sparse routing.** _Doe, J._ L4DC. [[paper](https://arxiv.org/abs/2305.16289)]'), ['L4DC', undefined]);
    assert.deepEqual(venueAndYear('1. **A study of sparse routing.** _Doe, J._ ICLR2. [[paper](https://arxiv.org/abs/2305.16289)]'), ['ICLR2', undefined]);
  });
});
