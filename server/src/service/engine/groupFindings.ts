import type { CachedChunk } from '../model/chunkCache';
import type { Listing, PaperGroup } from './listings';
import type { RuleFinding } from './rule';
import type { WholeSurvey } from './wholeSurvey';

interface Kept<Verdict> {
  stamp: number;
  verdict: Verdict;
  /** The layout, chunks (each listing's) and document the findings were written for. */
  layout: number;
  chunks: CachedChunk[];
  uri: string;
  findings: RuleFinding[];
}

/**
 * A rule's findings on each group of listings (one paper listed in several
 * places), kept between versions of the document. `judge` decides what is
 * wrong from the entries alone (their fields and sections, never where their
 * chunks stand or what else is in them), again only when a listing joined or
 * left the group; `report` writes the findings at the entries' lines, again
 * only when chunks moved or one of the listings' chunks was parsed again
 * (a fix may read the list around its entry). So a keystroke costs a look at
 * each group, not a comparison of its listings.
 */
export class GroupFindings<Verdict> {
  private readonly kept = new WeakMap<PaperGroup, Kept<Verdict>>();

  constructor(
    /** `key` is what the group is indexed under (a paper's identity, a title, a repository): a group keeps one key for its life. */
    private readonly judge: (listings: Listing[], key: string) => Verdict,
    private readonly report: (verdict: Verdict, listings: Listing[], uri: string) => RuleFinding[],
  ) {}

  /** The findings on every group of `groups`, in one list. */
  all(groups: ReadonlyMap<string, PaperGroup>, survey: WholeSurvey, uri: string): RuleFinding[] {
    const findings: RuleFinding[] = [];
    for (const [key, group] of groups) {
      const found = this.of(group, key, survey.layout, uri);
      for (let i = 0; i < found.length; i++) findings.push(found[i]!);
    }
    return findings;
  }

  private of(group: PaperGroup, key: string, layout: number, uri: string): RuleFinding[] {
    let known = this.kept.get(group);
    if (known && known.stamp === group.stamp) {
      if (known.layout === layout && known.uri === uri && sameChunks(group.listings, known.chunks)) return known.findings;
    } else {
      known = { stamp: group.stamp, verdict: this.judge(group.listings, key), layout: -1, chunks: [], uri: '', findings: [] };
      this.kept.set(group, known);
    }
    known.findings = this.report(known.verdict, group.listings, uri);
    known.layout = layout;
    known.chunks = group.listings.map((l) => l.chunk);
    known.uri = uri;
    return known.findings;
  }
}

function sameChunks(listings: readonly Listing[], chunks: readonly CachedChunk[]): boolean {
  for (let i = 0; i < listings.length; i++) if (listings[i]!.chunk !== chunks[i]) return false;
  return true;
}
