import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_MEMO_KEY_LENGTH, MEMO_GENERATION_CHARS, memoizeString } from '../../server/src/service/model/memo';

/** A memoized identity that counts how often it really ran, per input. */
function counted(generationSize?: number) {
  const calls = new Map<string, number>();
  const fn = memoizeString((s: string) => {
    calls.set(s, (calls.get(s) ?? 0) + 1);
    return s.length;
  }, generationSize);
  return { fn, calls: (s: string) => calls.get(s) ?? 0 };
}

describe('memoizeString keeps what it holds bounded by characters, not only by count', () => {
  it('remembers short strings', () => {
    const { fn, calls } = counted();
    const title = 'Augesc: Dialogue augmentation';
    assert.equal(fn(title), title.length);
    assert.equal(fn(title), title.length);
    assert.equal(calls(title), 1);
  });

  it('does not keep a long string (a 200 KB url typed into) as a key: it answers it afresh', () => {
    const { fn, calls } = counted();
    const url = `https://example.com/${'a'.repeat(200_000)}`;
    assert.equal(fn(url), url.length);
    assert.equal(fn(url), url.length);
    assert.equal(calls(url), 2);
    const longest = 'b'.repeat(MAX_MEMO_KEY_LENGTH);
    fn(longest);
    fn(longest);
    assert.equal(calls(longest), 1);
  });

  it('turns a generation over at its budget of characters, long before its count of keys', () => {
    const { fn, calls } = counted(1_000_000);
    const first = `0:${'x'.repeat(MAX_MEMO_KEY_LENGTH - 2)}`;
    fn(first);
    // Two generations' worth of characters in distinct keys, each as long as a key may be.
    const keys = Math.ceil((2 * MEMO_GENERATION_CHARS) / MAX_MEMO_KEY_LENGTH) + 1;
    for (let i = 1; i <= keys; i++) fn(`${i}:${'x'.repeat(MAX_MEMO_KEY_LENGTH - String(i).length - 1)}`);
    fn(first);
    assert.equal(calls(first), 2);
  });
});
