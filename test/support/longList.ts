/**
 * One section holding a single numbered list of `count` entries, written in
 * the style of `source`'s entries (the reference survey's, say), each paper
 * a different one: the arXiv ids of each round through the source's
 * entries are shifted and its other links get a path of their own, and the
 * source's entries that cite one paper twice (under two sections there) are
 * taken once. For the benchmark and the scaling tests: a keystroke in a
 * list of 5,000 entries next to one in a list of 100.
 */
export function longList(source: string, count: number): string {
  const seen = new Set<string>();
  const entries: string[] = [];
  for (const line of source.split(/\r?\n/)) {
    const m = /^\d+\. (\S.*)$/.exec(line);
    if (!m) continue;
    const paper = /\]\(([^)\s]+)\)/.exec(m[1]!)?.[1] ?? m[1]!;
    if (seen.has(paper)) continue;
    seen.add(paper);
    entries.push(m[1]!);
  }
  if (entries.length === 0) throw new Error('longList: the source has no numbered entries');
  const lines = ['# A long list', '', '## Papers', ''];
  for (let i = 0; i < count; i++) {
    const round = Math.floor(i / entries.length);
    const entry = entries[i % entries.length]!
      .replace(/(arxiv\.org\/(?:abs|pdf)\/\d{4}\.)(\d{4,5})/g, (_, prefix: string, num: string) => prefix + String((Number(num) + round * 37) % 10 ** num.length).padStart(num.length, '0'))
      .replace(/\]\((https?:\/\/(?!arxiv\.org)[^)\s]+?)\/?\)/g, (_, url: string) => `](${round > 0 ? `${url}/r${round}` : url})`);
    lines.push(`${i + 1}. ${round > 0 ? `[r${round}] ` : ''}${entry}`);
  }
  return lines.join('\n') + '\n';
}
