import { distance } from 'fastest-levenshtein';

export interface Closest {
  candidate: string;
  distance: number;
  /** No other candidate is as close. */
  unique: boolean;
}

/**
 * The candidate nearest to `word` by edit distance, when it is within
 * `maxDistance`. Used to suggest the heading or venue a typo meant.
 */
export function closest(word: string, candidates: Iterable<string>, maxDistance: number, normalize: (s: string) => string = (s) => s): Closest | undefined {
  const target = normalize(word);
  let best: Closest | undefined;
  for (const candidate of candidates) {
    const d = distance(target, normalize(candidate));
    if (d > maxDistance) continue;
    if (!best || d < best.distance) best = { candidate, distance: d, unique: true };
    else if (d === best.distance && normalize(candidate) !== normalize(best.candidate)) best.unique = false;
  }
  return best;
}
