import type { Link as MdLink, ListItem as MdListItem, Paragraph, PhrasingContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseArxivUrl } from './arxivId';
import type { PositionMapper } from './positions';
import type { ArxivRef, Entry, Link, Span } from './types';

/**
 * Reads one list item as a paper entry. Survey lists write entries in a few
 * styles, all handled here:
 *
 *     Title. _Authors_ Venue Year. [[paper](url)][[code](url)]
 *     **"Title"**. *Authors*. Venue Year. [[Paper](url)]
 *     **Title.** Venue Year. [paper](url)
 *     "Title" [2024-05] [Venue] [[paper](url)]
 *
 * An item is an entry when it has a web link and looks like a citation: an
 * italic author list, a bold title or a `[[paper](url)]` group. Other items
 * (news, tables of contents, steps) are not entries.
 */
const PAPER_LABEL = /^(?:paper|pdf|arxiv|abs|doi|link)$/i;

export function parseEntry(item: MdListItem, text: string, map: PositionMapper): Entry | undefined {
  const paragraph = item.children[0];
  if (paragraph?.type !== 'paragraph' || !paragraph.position) return undefined;
  const start = paragraph.position.start.offset!;
  const end = paragraph.position.end.offset!;

  const links = collectLinks(paragraph).filter((l) => /^https?:/i.test(l.url));
  if (links.length === 0) return undefined;

  const children = paragraph.children;
  const boldTitle = children[0]?.type === 'strong' ? children[0] : undefined;
  const authorsNode = children.find((c, i) => c.type === 'emphasis' && i > 0) as PhrasingContent | undefined;
  // Without authors or a bold title, a `[[paper](url)]` group still marks a citation; `[[LLM-eval](url)]` does not.
  const paperGroup = links.some((l) => text[offsetOf(l, 'start') - 1] === '[' && (PAPER_LABEL.test(toString(l).trim()) || parseArxivUrl(l.url)));
  if (!boldTitle && !authorsNode && !paperGroup) return undefined;

  const firstBracket = firstBracketAfter(text, boldTitle ? offsetOf(boldTitle, 'end') : start, end);
  const entry: Entry = { range: map.range(start, end), links: links.map((l) => toLink(l, text, map)) };

  // Title, and where the venue/year tail begins.
  let tailStart: number;
  if (boldTitle) {
    entry.title = trimmedSpan(text, innerStart(boldTitle), innerEnd(boldTitle), map, true);
    tailStart = offsetOf(boldTitle, 'end');
  } else {
    const titleEnd = authorsNode ? offsetOf(authorsNode, 'start') : firstBracket;
    const cut = authorsNode ? titleEnd : lastSentenceBreak(text, start, titleEnd);
    entry.title = trimmedSpan(text, start, cut, map, true);
    tailStart = authorsNode ? titleEnd : cut;
  }
  if (authorsNode && offsetOf(authorsNode, 'start') < firstBracket) {
    entry.authors = trimmedSpan(text, innerStart(authorsNode), innerEnd(authorsNode), map, false);
    tailStart = offsetOf(authorsNode, 'end');
  }
  readVenueAndYear(entry, text, tailStart, Math.max(tailStart, firstBracket), map);

  const arxiv = arxivOf(entry.links);
  if (arxiv) entry.arxiv = arxiv;
  return entry;
}

function collectLinks(node: Paragraph | PhrasingContent): MdLink[] {
  if (node.type === 'link') return [node];
  if (!('children' in node)) return [];
  return (node.children as PhrasingContent[]).flatMap(collectLinks);
}

function toLink(node: MdLink, text: string, map: PositionMapper): Link {
  const start = offsetOf(node, 'start');
  const end = offsetOf(node, 'end');
  const labelStart = start + 1;
  const labelEnd = node.children.length > 0 ? offsetOf(node.children[node.children.length - 1]!, 'end') : labelStart;
  const url = urlSpan(text, labelEnd, end);
  return {
    label: { text: toString(node), range: map.range(labelStart, labelEnd) },
    url: { text: node.url, range: map.range(url.start, url.end) },
    range: map.range(start, end),
  };
}

/** Where the destination of `[label](url "title")` stands, given the offset of the closing `]`. */
function urlSpan(text: string, labelEnd: number, linkEnd: number): { start: number; end: number } {
  let i = labelEnd + 2; // past `](`
  while (i < linkEnd && /\s/.test(text[i]!)) i++;
  if (text[i] === '<') {
    const close = text.indexOf('>', i);
    return { start: i + 1, end: close > i && close < linkEnd ? close : i + 1 };
  }
  const start = i;
  let depth = 0;
  for (; i < linkEnd; i++) {
    const c = text[i]!;
    if (c === '\\') i++;
    else if (/\s/.test(c)) break;
    else if (c === '(') depth++;
    else if (c === ')' && depth-- === 0) break;
  }
  return { start, end: Math.min(i, linkEnd) };
}

function arxivOf(links: Link[]): ArxivRef | undefined {
  const ordered = [...links].sort((a, b) => rank(a) - rank(b));
  for (const link of ordered) {
    const parsed = parseArxivUrl(link.url.text);
    if (parsed) return { ...parsed, range: link.url.range };
  }
  return undefined;
}

function rank(link: Link): number {
  return /^paper$/i.test(link.label.text.trim()) ? 0 : 1;
}

/**
 * The venue and year between the authors (or title) and the links:
 * ` arXiv 2023. ` -> venue `arXiv`, year 2023. A year that is not at the end
 * (`Proceedings of the 2020 Conference …`) is not taken for the year.
 */
function readVenueAndYear(entry: Entry, text: string, from: number, to: number, map: PositionMapper): void {
  let s = from;
  let e = to;
  while (s < e && /[\s.,:;]/.test(text[s]!)) s++;
  while (e > s && /[\s.,:;]/.test(text[e - 1]!)) e--;
  if (s >= e) return;
  const segment = text.slice(s, e);
  const year = /(?:^|[\s,(])((?:19|20)\d{2})\)?$/.exec(segment);
  if (year) {
    const yStart = s + year.index + year[0].indexOf(year[1]!);
    entry.year = { text: year[1]!, value: Number(year[1]), range: map.range(yStart, yStart + 4) };
    e = s + year.index;
    while (e > s && /[\s.,:;(]/.test(text[e - 1]!)) e--;
  }
  if (e > s) entry.venue = { text: text.slice(s, e), range: map.range(s, e) };
}

/** The first `[` from `from` on, or `end`. */
function firstBracketAfter(text: string, from: number, end: number): number {
  const i = text.indexOf('[', from);
  return i === -1 || i > end ? end : i;
}

/** For `Title. arXiv 2023.`: the offset of the last `. ` before `end` that leaves text after it. */
function lastSentenceBreak(text: string, start: number, end: number): number {
  const segment = text.slice(start, end).trimEnd();
  const i = segment.slice(0, -1).lastIndexOf('. ');
  return i > 0 ? start + i : end;
}

/** A span with surrounding spaces, quotes (for titles) and a trailing `.` taken off. */
function trimmedSpan(text: string, start: number, end: number, map: PositionMapper, title: boolean): Span | undefined {
  const strip = title ? /[\s"“”]/ : /\s/;
  let s = start;
  let e = end;
  while (s < e && strip.test(text[s]!)) s++;
  while (e > s && (strip.test(text[e - 1]!) || (title && /[.,]/.test(text[e - 1]!)))) e--;
  if (s >= e) return undefined;
  return { text: text.slice(s, e), range: map.range(s, e) };
}

function offsetOf(node: { position?: { start: { offset?: number }; end: { offset?: number } } }, which: 'start' | 'end'): number {
  return node.position![which].offset!;
}

/** Start of the content of a `**strong**` or `_emphasis_` (past its markers). */
function innerStart(node: PhrasingContent): number {
  const kids = 'children' in node ? (node.children as PhrasingContent[]) : [];
  return kids.length > 0 ? offsetOf(kids[0]!, 'start') : offsetOf(node, 'start');
}

function innerEnd(node: PhrasingContent): number {
  const kids = 'children' in node ? (node.children as PhrasingContent[]) : [];
  return kids.length > 0 ? offsetOf(kids[kids.length - 1]!, 'end') : offsetOf(node, 'end');
}
