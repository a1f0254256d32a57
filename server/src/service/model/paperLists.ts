import { isPaperLabel, isPaperUrl } from './identity';
import type { ChunkModel } from './parseChunk';
import { comparePositions } from './positions';
import type { Entry, LinkSyntaxIssue, ListBlock, ListItem } from './types';

/**
 * Which list items are papers. A list item that looks like a citation (a
 * bold title, an italic author list, a `[[paper](url)]` group: see
 * `parseEntry.ts`) is a paper only where its list is a list of papers,
 * decided per list from its content and its section:
 *
 * - Sections whose name says they hold no papers (News, Updates,
 *   Contributors, Citation, Contents …) have no entries: a news bullet that
 *   links a paper announces it, it does not list it.
 * - Sections of resources (Blogs, Tutorials, Courses, Videos, Tools …) keep
 *   only the items that cite a paper (an arXiv or other paper link).
 * - Elsewhere a list is a list of papers when at least half of its
 *   citation-like items cite a paper; a list of projects or prose bullets
 *   with a bold lead-in and a GitHub link is not.
 */
export function withPaperEntries(model: ChunkModel): ChunkModel {
  let changed = false;
  const dropped: LinkSyntaxIssue[] = [];
  const lists = model.lists.map((list) => {
    const kept = paperListOf(list, sectionOf(model, list));
    if (kept === list) return kept;
    changed = true;
    list.items.forEach((item, i) => {
      // `[[pdf]](url)` as a house style is a question for entries only.
      if (item.entry && !kept.items[i]!.entry) dropped.push(...item.entry.linkIssues.filter((issue) => issue.kind !== 'misplaced-bracket'));
    });
    return kept;
  });
  if (!changed) return model;
  // A news or tool bullet that is not a paper keeps its broken links: they are read as any link outside the entries is.
  const proseLinkIssues = dropped.length === 0 ? model.proseLinkIssues : [...(model.proseLinkIssues ?? []), ...dropped].sort((a, b) => comparePositions(a.range.start, b.range.start));
  // A new model only where an entry was dropped: parsed models are shared and never changed.
  return { ...model, lists, ...(proseLinkIssues ? { proseLinkIssues } : {}) };
}

/** The text of the last heading (not a bold category) before the list: the section it is read under. */
function sectionOf(model: ChunkModel, list: ListBlock): string | undefined {
  let section: string | undefined;
  for (const heading of model.headings) {
    if (comparePositions(heading.range.start, list.range.start) > 0) break;
    if (heading.kind === 'heading') section = heading.text;
  }
  return section;
}

function paperListOf(list: ListBlock, section: string | undefined): ListBlock {
  // Counted in one pass: a keystroke in a long list looks at all of its items again.
  let candidates = 0;
  let citing = 0;
  for (const item of list.items) {
    if (!item.entry) continue;
    candidates++;
    if (citesPaper(item.entry)) citing++;
  }
  if (candidates === 0) return list;
  let keep: (entry: Entry) => boolean = () => true;
  if (section && NO_PAPERS.test(plainHeading(section))) keep = () => false;
  else if (section && RESOURCES.test(section)) keep = citesPaper;
  else if (citing * 2 < candidates) keep = () => false;
  if (list.items.every((i) => !i.entry || keep(i.entry))) return list;
  const items = list.items.map((item): ListItem => (item.entry && !keep(item.entry) ? { range: item.range, marker: item.marker } : item));
  return { ...list, items };
}

/** The whole heading (as `plainHeading` gives it) names a part of the README that is not a list of papers. */
const NO_PAPERS =
  /^(?:(?:latest|recent) )?(?:news|updates?|news and updates|update log|changelog|release notes|(?:other |project )?(?:maintainers|contributors)(?: and contributors)?|contribut\w*(?: .*)?|acknowledge?ments?|citations?|how to cite|cite|citing|license|star history|contact(?: us)?(?: .*)?|table of contents|contents|todo)$/;

/** A heading's words, lower-cased, without emoji, punctuation and `&`. */
function plainHeading(text: string): string {
  return text.toLowerCase().replace(/&/g, ' and ').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
const RESOURCES = /\b(?:blogs?|tutorials?|courses?|videos?|talks?|lectures?|podcasts?|tools?|toolkits?|libraries|frameworks?|repositories|resources|demos?|products?|books?|websites?|community|communities)\b/i;

/** Whether an entry points at a paper: an arXiv id, a paper host or PDF, or a link labelled as the paper. */
function citesPaper(entry: Entry): boolean {
  let cites = cited.get(entry);
  if (cites === undefined) cited.set(entry, (cites = linksPaper(entry)));
  return cites;
}

/** Kept per entry: every list of a chunk is looked at again when one of its entries changes, and the others stay the same objects. */
const cited = new WeakMap<Entry, boolean>();

function linksPaper(entry: Entry): boolean {
  if (entry.arxiv) return true;
  if (entry.links.some((l) => !l.image && (isPaperUrl(l.url.text) || isPaperLabel(l.label.text)))) return true;
  // A link so broken that remark drops it (`[paper](https://arxiv.org/abs/…]`) still cites the paper.
  return entry.linkIssues.some((i) => (i.label !== undefined && isPaperLabel(i.label)) || (i.url !== undefined && isPaperUrl(i.url)));
}
