import type { Link as MdLink, ListItem as MdListItem, Paragraph, PhrasingContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseArxivUrl } from './arxivId';
import { arxivOf, collectLinks, innerEnd, innermost, innerStart, isImageLink, offsetOf, toLink, trimmedSpan } from './entryLinks';
import { readDate } from './entryDate';
import { readVenueAndYear } from './entryTail';
import { isPaperLabel, isPaperUrl } from './identity';
import { scanLinks } from './linkSyntax';
import { trimEndWhere } from './trimEnd';
import type { PositionMapper } from './positions';
import type { Entry } from './types';

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
  const paragraphs = leadingParagraphs(item);
  const first = paragraphs[0];
  if (!first?.position) return undefined;
  const start = first.position.start.offset!;
  const end = paragraphs[paragraphs.length - 1]!.position!.end.offset!;
  // Every paragraph of the item is the entry's (title and venue, then a paragraph of authors and links).
  const children = paragraphs.flatMap((p) => p.children);

  const links = children.flatMap(collectLinks).filter((l) => !l.url.startsWith('#'));
  const scanned = scanLinks(text, start, end, map);
  const webLinks = scanned.links.filter((l) => !l.url.startsWith('#'));
  if (links.length === 0 && webLinks.length === 0) return undefined;

  // `[2023/05] **Title.**`: a leading date tag is the entry's date, and the title begins after it.
  const dateTag = DATE_TAG.exec(text.slice(start, end));
  const contentStart = dateTag ? start + dateTag[0].length : start;
  const titleLink = titleLinkOf(children, contentStart);
  const boldTitle = titleLink ? undefined : boldTitleOf(children, text);
  const authorsNode = children.find((c, i) => c.type === 'emphasis' && i > 0 && (!titleLink || offsetOf(c, 'start') >= offsetOf(titleLink, 'end'))) as PhrasingContent | undefined;
  // Without authors or a bold title, a `[[paper](url)]` group still marks a citation; `[[LLM-eval](url)]` does not.
  const paperGroup = webLinks.some((l) => l.grouped && (isPaperLabel(l.label) || parseArxivUrl(l.url)));
  const paperTitle = titleLink && isPaperUrl(titleLink.url);
  // `"Title" [2021-10] [ICLR 2022] [paper](url)`: a quoted title opening the item, and a link to the paper.
  const quotedCitation = /^\s*["“]/.test(text.slice(contentStart, end)) && webLinks.some((l) => isPaperLabel(l.label) || parseArxivUrl(l.url));
  if (!boldTitle && !authorsNode && !paperGroup && !paperTitle && !quotedCitation) return undefined;

  const entry: Entry = {
    range: map.range(start, end),
    links: links.map((l) => toLink(l, text, map, l === titleLink)),
    linkIssues: scanned.issues,
  };
  const groups = scanned.links.filter((l) => l.grouped).length;
  if (groups > 0) entry.linkGroups = groups;
  if (dateTag) {
    readDate(entry, text, start + dateTag[0].indexOf(dateTag[1]!), start + dateTag[0].length, map);
  }
  // Where the link groups begin (the title link aside): the title, authors, venue and year all stand before.
  const afterTitleLink = titleLink ? offsetOf(titleLink, 'end') : start;
  const linksStart = scanned.links.reduce((min, l) => (l.start < afterTitleLink ? min : Math.min(min, l.grouped ? l.start - 1 : l.start)), end);

  if (titleLink) {
    const inner = innermost(titleLink);
    entry.title = trimmedSpan(text, innerStart(inner), innerEnd(inner), map, true);
    const tailStart = authorsNode ? offsetOf(authorsNode, 'start') : afterTitleLink;
    if (authorsNode && offsetOf(authorsNode, 'start') < linksStart) {
      entry.authors = trimmedSpan(text, innerStart(authorsNode), innerEnd(authorsNode), map, false);
      if (entry.authors) entry.authorsStyle = 'italic';
    }
    const venueFrom = authorsNode && entry.authors ? offsetOf(authorsNode, 'end') : tailStart;
    readVenueAndYear(entry, text, venueFrom, Math.max(venueFrom, linksStart), map);
    if (!entry.authors && STRAY_EMPHASIS.test(text.slice(afterTitleLink, linksStart))) entry.brokenEmphasis = true;
    const arxiv = arxivOf(entry.links);
    if (arxiv) entry.arxiv = arxiv;
    return entry;
  }

  // Title, and where the venue/year tail begins.
  let tailStart: number;
  // `**PaLM**: "Title"`, `**A** (X) / **B** (Y): "Title"`: bold model names, then the quoted title.
  const namedQuote = boldTitle && quotedTitle(text, offsetOf(boldTitle, 'end'), linksStart, MODEL_NAMES_BEFORE_QUOTE);
  const quote = namedQuote || (!boldTitle && !authorsNode ? quotedTitle(text, contentStart, linksStart, /^[^.]{0,60}$/) : undefined);
  if (quote) {
    // `**PaLM**: "PaLM: Scaling …"` or `[**Ruby**] "On the …"`: the bold is a model or topic name; the quotes hold the title.
    entry.title = { text: text.slice(quote.start, quote.end), range: map.range(quote.start, quote.end) };
    tailStart = quote.end + 1;
  } else if (boldTitle) {
    entry.title = trimmedSpan(text, innerStart(boldTitle), innerEnd(boldTitle), map, true);
    tailStart = offsetOf(boldTitle, 'end');
  } else if (authorsNode) {
    const titleEnd = offsetOf(authorsNode, 'start');
    entry.title = trimmedSpan(text, contentStart, titleEnd, map, true);
    tailStart = titleEnd;
  } else {
    const plain = plainAuthors(text, contentStart, linksStart);
    const cut = plain ? plain.start : lastSentenceBreak(text, contentStart, linksStart);
    entry.title = trimmedSpan(text, contentStart, cut, map, true);
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
  // `*Ann Lee et al. *arXiv` or `Lee et al.* ACL'23`: an author list whose emphasis does not close shows its marks.
  if (!entry.authors && STRAY_EMPHASIS.test(text.slice(tailStart, linksStart))) entry.brokenEmphasis = true;
  // `**Title**. (EMNLP 2023) <br />` then the authors and links on the next line: the venue ends at the break.
  const lineBreak = children.find((c) => c.type === 'html' && /^<br\s*\/?>$/i.test(c.value.trim()) && offsetOf(c, 'start') >= tailStart && offsetOf(c, 'start') < linksStart);
  const venueEnd = lineBreak ? offsetOf(lineBreak, 'start') : Math.max(tailStart, linksStart);
  readVenueAndYear(entry, text, tailStart, venueEnd, map);
  if (lineBreak && !entry.authors) {
    const nextBreak = children.find((c) => c.type === 'html' && /^<br\s*\/?>$/i.test(c.value.trim()) && offsetOf(c, 'start') > offsetOf(lineBreak, 'start'));
    let namesEnd = nextBreak ? Math.min(offsetOf(nextBreak, 'start'), linksStart) : linksStart;
    // `Ann Lee, Bo Chen. (EMNLP 2022)`: a venue after the names.
    const venue = /\([^()\n]*\)\s*$/.exec(text.slice(offsetOf(lineBreak, 'end'), namesEnd));
    if (venue && !entry.venue) {
      const venueStart = offsetOf(lineBreak, 'end') + venue.index;
      readVenueAndYear(entry, text, venueStart, namesEnd, map);
      namesEnd = venueStart;
    }
    const names = trimmedSpan(text, offsetOf(lineBreak, 'end'), namesEnd, map, false);
    if (names && NAME_LIST.test(names.text)) {
      const shown = trimEndWhere(names.text, (c) => c === '.' || /\s/.test(c));
      const at = text.indexOf(shown, offsetOf(lineBreak, 'end'));
      entry.authors = { text: shown, range: map.range(at, at + shown.length) };
      entry.authorsStyle = 'plain';
    }
  }

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
  // `**2024-05-02** We release …`: a bold date opens a news item, not a paper.
  if (DATE_ONLY.test(toString(children[at]!).trim())) return undefined;
  if (at === 0) return children[0];
  const prefix = children.slice(0, at);
  if (!prefix.every((c) => c.type === 'html' || c.type === 'text' || c.type === 'inlineCode')) return undefined;
  const before = text.slice(offsetOf(prefix[0]!, 'start'), offsetOf(children[at]!, 'start'));
  return (/[:：\-–—]\s*$/.test(before) && before.length <= 80) || DATE_TAG.test(before) ? children[at] : undefined;
}

/**
 * Between a bold model name and the quoted title: ` (X) / **B** (Y): `.
 * Spaces are matched once between two marks: `\s*` next to `\s*` would try
 * every split of a long run of spaces, exponentially many with the groups.
 */
const MODEL_NAMES_BEFORE_QUOTE = /^\s*(?:\([^)]*\)\s*)?(?:[/,&]\s*\*\*[^*\n]+\*\*\s*(?:\([^)]*\)\s*)?)*[:：]\s*$/;

/** `[2023/05]`, `[2024-05]`, `[2023.05.02]` at the start of an entry. */
const DATE_TAG = /^\s*\[((?:19|20)\d{2})[-/.]\d{1,2}(?:[-/.]\d{1,2})?\]\s*/;
const DATE_ONLY = /^\[?(?:19|20)\d{2}(?:[-/.]\d{1,2}){0,2}\]?[:：]?$/;

/** The item's paragraphs from its first up to a nested list or other block. */
function leadingParagraphs(item: MdListItem): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  for (const child of item.children) {
    if (child.type !== 'paragraph' || !child.position) break;
    paragraphs.push(child);
  }
  return paragraphs;
}

/** `[**Title**](url)` opening the entry (after a date tag): the title is the paper link. A badge is not a title. */
function titleLinkOf(children: PhrasingContent[], contentStart: number): MdLink | undefined {
  const first = children.find((c) => offsetOf(c, 'end') > contentStart && !(c.type === 'text' && c.value.trim() === ''));
  if (first?.type !== 'link' || first.url.startsWith('#') || isImageLink(first)) return undefined;
  return toString(first).trim().length >= 3 ? first : undefined;
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

/** A `*` or `_` that opens or closes nothing: next to a letter on one side and a space or the end on the other. */
const STRAY_EMPHASIS = /(?:^|[\s(])[*_]+(?=\p{L})|(?<=\p{L}[.,]?)[*_]+(?=[\s.,]|$)|\s[*_]+(?=\p{L})/u;

/** `Dana Arad, Hadas Orgad, Yonatan Belinkov.`: names separated by commas or "and", each a few capitalised words. */
// A name's later words may be lower-case (`van`, `de`). ` and ` before a capital is read only as a separator:
// read as a word too, a long list that fails would be tried in exponentially many ways (the separator reading
// accepts whatever the word reading would).
const NAME = String.raw`\p{Lu}[\p{L}\p{N}'’.-]*(?: (?!and \p{Lu})[\p{L}\p{N}'’.-]+){0,3}`;
const NAME_LIST = new RegExp(String.raw`^${NAME}(?:(?:\s*,\s*|\s+and\s+|\s*&\s*)${NAME})*(?:,? et al\.?)?\.?$`, 'u');

/** A title in quotes between `from` and `to`, when the text before the opening quote matches `prefix`. */
function quotedTitle(text: string, from: number, to: number, prefix: RegExp): { start: number; end: number } | undefined {
  const quote = firstQuote(text.slice(from, to));
  if (!quote || !prefix.test(text.slice(from, from + quote.index))) return undefined;
  const s = from + quote.index + 1;
  return { start: s, end: s + quote.inner.length };
}

/** An opening quote and the rest of its line up to the next closing quote, if any. */
const QUOTE_RUN = /["“]([^"”\n]*)(["”]?)/g;

/**
 * The first quote of three characters or more that closes on its line: what
 * `/["“]([^"”\n]{3,}?)["”]/` finds, in one pass. That regex reads to the end
 * of the line again from every `“` of a line that never closes.
 */
function firstQuote(segment: string): { index: number; inner: string } | undefined {
  QUOTE_RUN.lastIndex = 0;
  for (let m = QUOTE_RUN.exec(segment); m; m = QUOTE_RUN.exec(segment)) {
    if (m[2] && m[1]!.length >= 3) return { index: m.index, inner: m[1]! };
    // Too short, or not closed: a `“` inside fails the same way, and a closing `"` may open the next quote.
    QUOTE_RUN.lastIndex = m.index + 1 + m[1]!.length;
  }
  return undefined;
}

/** For `Title. arXiv 2023.`: the offset of the last `. ` before `end` that leaves text after it. */
function lastSentenceBreak(text: string, start: number, end: number): number {
  const segment = text.slice(start, end).trimEnd();
  const i = segment.slice(0, -1).lastIndexOf('. ');
  return i > 0 ? start + i : end;
}

