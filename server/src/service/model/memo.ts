/**
 * Remembers the answers of a pure function of one string. Rules run over the
 * whole document on every keystroke, and the same titles, urls and venues
 * come back each time. Two generations: answers used since the last turnover
 * survive it, answers nobody asked for again are dropped, so a long editing
 * session does not pile up the spellings of every keystroke.
 */
export function memoizeString<T>(fn: (s: string) => T, generationSize = 10_000): (s: string) => T {
  let current = new Map<string, T>();
  let previous = new Map<string, T>();
  return (s) => {
    if (current.has(s)) return current.get(s)!;
    const answer = previous.has(s) ? previous.get(s)! : fn(s);
    if (current.size >= generationSize) {
      previous = current;
      current = new Map();
    }
    current.set(detached(s), answer);
    return answer;
  };
}

/**
 * A copy of `s` that shares no memory with the text it was cut from. V8 keeps
 * a substring as a view of its parent: a title kept as a cache key would keep
 * its whole chunk of the document alive, edit after edit.
 */
export function detached(s: string): string {
  return JSON.parse(JSON.stringify(s)) as string;
}
