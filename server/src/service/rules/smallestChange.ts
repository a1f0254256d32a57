/** The part of `text` (`from` to `to`) that `newText` replaces to make it `wanted`. */
export interface TextChange {
  from: number;
  to: number;
  newText: string;
  /** Characters removed and added. */
  size: number;
}

/**
 * The change that makes `text` read `wanted` and leaves their common start
 * and end as written: with `caseless`, letters that differ in case only are
 * common too, so the change keeps the writer's capitals.
 */
export function smallestChange(text: string, wanted: string, caseless: boolean): TextChange {
  const same = (a: string, b: string) => (caseless ? a.toLowerCase() === b.toLowerCase() : a === b);
  let prefix = 0;
  while (prefix < text.length && prefix < wanted.length && same(text[prefix]!, wanted[prefix]!)) prefix++;
  let suffix = 0;
  while (suffix < text.length - prefix && suffix < wanted.length - prefix && same(text[text.length - 1 - suffix]!, wanted[wanted.length - 1 - suffix]!)) suffix++;
  const newText = wanted.slice(prefix, wanted.length - suffix);
  return { from: prefix, to: text.length - suffix, newText, size: text.length - suffix - prefix + newText.length };
}
