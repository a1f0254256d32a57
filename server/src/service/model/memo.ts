/**
 * Remembers the answers of a pure function of one string. Rules run over the
 * whole document on every keystroke, and the same titles, urls and venues
 * come back each time; the cache is emptied when it grows past `limit`.
 */
export function memoizeString<T>(fn: (s: string) => T, limit = 100_000): (s: string) => T {
  const answers = new Map<string, T>();
  return (s) => {
    if (answers.has(s)) return answers.get(s)!;
    if (answers.size >= limit) answers.clear();
    const answer = fn(s);
    answers.set(s, answer);
    return answer;
  };
}
