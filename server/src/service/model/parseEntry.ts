import type { Link as MdLink, ListItem as MdListItem, Paragraph, PhrasingContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseArxivUrl } from './arxivId';
import { isPaperLabel } from './identity';
import { scanLinks } from './linkSyntax';
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
export function parseEntry(item: MdListItem, text: string, map: PositionMapper): Entry | undefined {
  const paragraph = item.children[0];
  if (paragraph?.type !== 'paragraph' || !paragraph.position) return undefined;
  const start = paragraph.position.start.offset!;
  const end = paragraph.position.end.offset!;

  const links = collectLinks(paragraph).filter((l) => !l.url.startsWith('#'));
  const scanned = scanLinks(text, start, end, map);
  const webLinks = scanned.links.filter((l) => !l.url.startsWith('#'));
  if (links.length === 0 && webLinks.length === 0) return undefined;

  const children = paragraph.children;
  const boldTitle = boldTitleOf(children, text);
  const authorsNode = children.find((c, i) => c.type === 'emphasis' && i > 0) as PhrasingContent | undefined;
  // Without authors or a bold title, a `[[paper](url)]` group still marks a citation; `[[LLM-eval](url)]` does not.
  const paperGroup = webLinks.some((l) => l.grouped && (isPaperLabel(l.label) || parseArxivUrl(l.url)));
  if (!boldTitle && !authorsNode && !paperGroup) return undefined;

  // Where the link groups begin: the title, authors, venue and year all stand before.
  const linksStart = scanned.links.reduce((min, l) => Math.min(min, l.grouped ? l.start - 1 : l.start), end);
  const entry: Entry = { range: map.range(start, end), links: links.map((l) => toLink(l, text, map)), linkIssues: scanned.issues };

  // Title, and where the venue/year tail begins.
  let tailStart: number;
  const namedQuote = boldTitle && quotedTitle(text, offsetOf(boldTitle, 'end'), linksStart, /^\s*(?:\([^)]*\))?\s*[:：]\s*$/);
  const quote = namedQuote || (!boldTitle && !authorsNode ? quotedTitle(text, start, linksStart, /^[^.]{0,60}$/) : undefined);
  if (quote) {
    // `**PaLM**: "PaLM: Scaling …"` or `[**Ruby**] "On the …"`: the bold is a model or topic name; the quotes hold the title.
    entry.title = { text: text.slice(quote.start, quote.end), range: map.range(quote.start, quote.end) };
    tailStart = quote.end + 1;
  } else if (boldTitle) {
    entry.title = trimmedSpan(text, innerStart(boldTitle), innerEnd(boldTitle), map, true);
    tailStart = offsetOf(boldTitle, 'end');
  } else if (authorsNode) {
    const titleEnd = offsetOf(authorsNode, 'start');
    entry.title = trimmedSpan(text, start, titleEnd, map, true);
    tailStart = titleEnd;
  } else {
    const plain = plainAuthors(text, start, linksStart);
    const cut = plain ? plain.start : lastSentenceBreak(text, start, linksStart);
    entry.title = trimmedSpan(text, start, cut, map, true);
    tailStart = cut;
    if (plain) {
      entry.authors = { text: text.slice(plain.start, plain.end), range: map.range(plain.start, plain.end) };
      entry.authorsStyle = 'plain';
      tailStart = plain.end;
    }
  }
  if (authorsNode && offsetOf(authorsNode, 'start') < linksStart && offsetOf(authorsNode, 'start') >= tailStart - 1) {
    entry.authors = trimmedSpan(text, innerStart(authorsNode), innerEnd(authorsNode), map, false);
    if (entry.authors) entry.authorsStyle = 'italic';
    tailStart = offsetOf(authorsNode, 'end');
  }
  readVenueAndYear(entry, text, tailStart, Math.max(tailStart, linksStart), map);

  const arxiv = arxivOf(entry.links);
  if (arxiv) entry.arxiv = arxiv;
  return entry;
}

/**
 * A bold title opens the entry, or follows a short label that names the
 * model (`<u>T5</u>: **"Exploring …"**`); a bold word inside a title does not count.
 */
function boldTitleOf(children: PhrasingContent[], text: string): PhrasingContent | undefined {
  const at = children.findIndex((c) => c.type === 'strong');
  if (at < 0 || at > 4) return undefined;
  if (at === 0) return children[0];
  const prefix = children.slice(0, at);
  if (!prefix.every((c) => c.type === 'html' || c.type === 'text' || c.type === 'inlineCode')) return undefined;
  const before = text.slice(offsetOf(prefix[0]!, 'start'), offsetOf(children[at]!, 'start'));
  return /[:：\-–—]\s*$/.test(before) && before.length <= 80 ? children[at] : undefined;
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
 * The venue and year between the authors (or title) and the links, in the
 * styles lists use: ` arXiv 2023. `, ` [2022-04] [ICPC 2022] `,
 * `, 2023-03, arXiv, `. A year inside a venue name (`Proceedings of the
 * 2020 Conference …`) is not taken for the year; a date field (`2022-04`) is.
 */
function readVenueAndYear(entry: Entry, text: string, from: number, to: number, map: PositionMapper): void {
  for (const [partStart, partEnd] of tailParts(text, from, to)) {
    let s = partStart;
    let e = partEnd;
    // Stray emphasis marks count as punctuation here: `*Authors et al. *arXiv 2021` has venue `arXiv`.
    while (s < e && /[\s.,:;*_]/.test(text[s]!)) s++;
    while (e > s && /[\s.,:;*_]/.test(text[e - 1]!)) e--;
    if (s >= e) continue;
    const segment = text.slice(s, e);
    if (/^(?:19|20)\d{2}(?:[-/.]\d{1,2}){0,2}$/.test(segment)) {
      entry.year ??= { text: segment.slice(0, 4), value: Number(segment.slice(0, 4)), range: map.range(s, s + 4) };
      continue;
    }
    if (entry.venue) continue;
    const year = /(?:^|[\s,(])((?:19|20)\d{2})\)?$/.exec(segment);
    if (year) {
      const yStart = s + year.index + year[0].indexOf(year[1]!);
      entry.year ??= { text: year[1]!, value: Number(year[1]), range: map.range(yStart, yStart + 4) };
      e = s + year.index;
      while (e > s && /[\s.,:;(]/.test(text[e - 1]!)) e--;
    }
    if (e > s) entry.venue = { text: text.slice(s, e), range: map.range(s, e) };
  }
}

/** The fields of the tail: `[…]` groups and the text between them, or comma-separated fields when a date is among them. */
function tailParts(text: string, from: number, to: number): [number, number][] {
  const segment = text.slice(from, to);
  if (segment.includes('[')) {
    return [...segment.matchAll(/\[([^[\]]*)\]|[^[\]]+/g)].map((m) => (m[1] !== undefined ? [from + m.index + 1, from + m.index + 1 + m[1].length] : [from + m.index, from + m.index + m[0].length]));
  }
  if (/\b(?:19|20)\d{2}-\d{2}\b/.test(segment)) {
    return [...segment.matchAll(/[^,]+/g)].map((m) => [from + m.index, from + m.index + m[0].length]);
  }
  return [[from, to]];
}

/**
 * An author list written without emphasis, after the title's full stop:
 * `Title. Luo, X.-J., Wang, Y. et al. arXiv 2023.` Only the citation form
 * `Surname, I.` is taken, so a title's second sentence is never mistaken for it.
 */
const AUTHOR = String.raw`\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+)*, (?:\p{Lu}\.)(?:[ -]?\p{Lu}\.)*`;
const PLAIN_AUTHORS = new RegExp(String.raw`\. (${AUTHOR}(?:(?:,| and| &) ${AUTHOR})*(?:,? et al\.)?)`, 'u');

function plainAuthors(text: string, start: number, end: number): { start: number; end: number } | undefined {
  const m = PLAIN_AUTHORS.exec(text.slice(start, end));
  if (!m) return undefined;
  const s = start + m.index + 2;
  return { start: s, end: s + m[1]!.length };
}

/** A title in quotes between `from` and `to`, when the text before the opening quote matches `prefix`. */
function quotedTitle(text: string, from: number, to: number, prefix: RegExp): { start: number; end: number } | undefined {
  const m = /["“]([^"”\n]{3,}?)["”]/.exec(text.slice(from, to));
  if (!m || !prefix.test(text.slice(from, from + m.index))) return undefined;
  const s = from + m.index + 1;
  return { start: s, end: s + m[1]!.length };
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
