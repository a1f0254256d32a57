import { slug } from 'github-slugger';
import { detached } from './memo';

/** Slugifying is a large Unicode regex per heading: remember the answers across keystrokes. */
const baseSlugs = new Map<string, string>();

function baseSlug(text: string): string {
  let s = baseSlugs.get(text);
  if (s === undefined) {
    if (baseSlugs.size > 50_000) baseSlugs.clear();
    s = slug(text);
    baseSlugs.set(detached(text), s);
  }
  return s;
}

/**
 * GitHub's heading anchors for one document: github-slugger's slug, made
 * unique in document order with `-1`, `-2`, … exactly as its `BananaSlug`
 * does (here over memoised base slugs, so a keystroke does not re-slugify
 * thousands of headings).
 */
export class UniqueSlugs {
  private readonly occurrences = new Map<string, number>();

  next(text: string): string {
    const original = baseSlug(text);
    let result = original;
    while (this.occurrences.has(result)) {
      const n = this.occurrences.get(original)! + 1;
      this.occurrences.set(original, n);
      result = `${original}-${n}`;
    }
    this.occurrences.set(result, 0);
    return result;
  }
}

/** A `#fragment` as the heading anchor it names (`%20` decoded); as written when it is not valid percent-encoding. */
export function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
