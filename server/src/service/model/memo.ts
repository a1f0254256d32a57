/**
 * Strings longer than this are not remembered: each would be kept whole as a
 * key (a 200 KB url typed into costs 200 KB per keystroke), and the functions
 * memoized are linear, so answering it afresh costs no more than reading it.
 */
export const MAX_MEMO_KEY_LENGTH = 2_000;

/** A generation turns over at this many characters of keys, as well as at its count of keys. */
export const MEMO_GENERATION_CHARS = 1_000_000;

/**
 * Remembers the answers of a pure function of one string. Rules run over the
 * whole document on every keystroke, and the same titles, urls and venues
 * come back each time. Two generations: answers used since the last turnover
 * survive it, answers nobody asked for again are dropped, so a long editing
 * session does not pile up the spellings of every keystroke. What the two
 * hold is bounded by count and by characters.
 */
export function memoizeString<T>(fn: (s: string) => T, generationSize = 10_000): (s: string) => T {
  let current = new Map<string, T>();
  let previous = new Map<string, T>();
  let currentChars = 0;
  return (s) => {
    if (s.length > MAX_MEMO_KEY_LENGTH) return fn(s);
    if (current.has(s)) return current.get(s)!;
    const answer = previous.has(s) ? previous.get(s)! : fn(s);
    if (current.size >= generationSize || currentChars + s.length > MEMO_GENERATION_CHARS) {
      previous = current;
      current = new Map();
      currentChars = 0;
    }
    current.set(detached(s), answer);
    currentChars += s.length;
    return answer;
  };
}

/**
 * A copy of `s` that shares no memory with the text it was cut from. V8 keeps
 * a substring as a view of its parent: a title kept as a cache key would keep
 * its whole chunk of the document alive, edit after edit.
 */
export function detached(s: string): string {
  // Slicing a concatenation makes V8 flatten it into a new string: one copy, at the speed of memcpy (a JSON
  // round trip, which also copies, costs several times more, and every chunk and piece parsed is copied here).
  return (' ' + s).slice(1);
}
