/**
 * `text` without the run of characters at its end that `strip` accepts,
 * found by a scan from the end. `text.replace(/[…]+$/, '')` does the same in
 * time quadratic in the length of a run of those characters that does not end
 * the text: the regex engine tries the run again from each of its characters.
 */
export function trimEndWhere(text: string, strip: (ch: string) => boolean): string {
  let end = text.length;
  while (end > 0 && strip(text[end - 1]!)) end--;
  return end === text.length ? text : text.slice(0, end);
}
