/** How the CLI words a number of papers, and the count of those without arXiv metadata (the summary line's and the job summary's). */

export function papers(n: number): string {
  return `${n} paper${n === 1 ? '' : 's'}`;
}

/** Where the metadata came from: arXiv (--online), the cache and snapshot (--cached), or the bundled snapshot only. */
export type MetadataSource = 'online' | 'cached' | 'offline';

/** Always said where metadata was asked for; offline, only when some papers lack it (or undefined). */
export function withoutMetadataNote(count: number, source: MetadataSource): string | undefined {
  const counted = `${papers(count)} without arXiv metadata`;
  if (source === 'online') return counted;
  if (source === 'cached') return `${counted} (from the cache and the bundled snapshot; --online to fetch them)`;
  return count > 0 ? `${counted} (offline: only the bundled snapshot was read; --online or --cached to use more)` : undefined;
}
