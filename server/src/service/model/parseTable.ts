import type { Link as MdLink, PhrasingContent, Table, TableCell, TableRow } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseArxivUrl } from './arxivId';
import { isPaperLabel, isPaperUrl } from './identity';
import { arxivOf, collectLinks, innermost, innerEnd, innerStart, isImageLink, offsetOf, toLink, trimmedSpan } from './entryLinks';
import { readDate } from './entryDate';
import { readVenueAndYear } from './entryTail';
import type { PositionMapper } from './positions';
import type { Entry, Link, Span } from './types';

/**
 * Reads a GFM table of papers, one paper a row, as entries:
 *
 *     |  Title  |  Venue  |  Date  |  Code  |
 *     |:--------|:-------:|:------:|:------:|
 *     | ![Star](badge) <br> [**Title**](https://arxiv.org/pdf/2306.13549.pdf) <br> | arXiv | 2023-06-23 | [Github](url) |
 *     | **Dataset** | [Paper title](https://arxiv.org/pdf/…) | Caption | Image-Text |
 *
 * Columns are found by the header's names (`Title`/`Paper`/`Name`,
 * `Venue`/`Conference`/`Publication`, `Date`/`Year`/`Time`, `Authors`,
 * `Code`/`GitHub`/`Repo`) and, where the header names none, by what the cells
 * hold: the title is the column whose cells hold a named link (one that is
 * not a badge nor `[Paper]`/`[Code]`), a cell that is only a year or a date
 * dates its row.
 *
 * Whether the table is a table of papers is decided from its rows (see
 * `readPaperTable`). Link syntax is left to `linkSyntax.ts`: a table entry
 * has no `linkIssues`.
 */

/** What a column holds, by its header's name. */
type Role = 'title' | 'paper' | 'name' | 'authors' | 'venue' | 'date' | 'code';

interface Layout {
  /** The column the title is read from. */
  title: number;
  /** Where the title is read when the title column holds only `[Paper](url)`-like links: a name column. */
  fallbackTitle: number | undefined;
  /** Whether the header names the title column as a title or paper column. */
  namedTitle: boolean;
  authors: number | undefined;
  venue: number | undefined;
  date: number | undefined;
  roles: (Role | undefined)[];
}

/**
 * The entries of a table's body rows (undefined where a row is not a paper),
 * or undefined when the table is not a table of papers.
 *
 * The decision, per table and from its content: a table of papers is one
 * where more than half of the body rows each name one paper: a row whose
 * title cell holds a link (in a column the header calls `Title` or `Paper`),
 * or that links to a paper (arXiv, OpenReview, the ACL Anthology, a DOI, a
 * PDF, a proceedings site: `isPaperUrl`), and whose title cell is not a
 * list of named links (`[ZSRE](…), [CounterFact](…)` names several papers,
 * not one: `listsSeveral`). Tables of models, tools, datasets without paper links,
 * talks (video links), contributors or versions give no entries. Within a
 * table of papers, every row with a title and a link is an entry.
 */
export function readPaperTable(table: Table, text: string, map: PositionMapper): (Entry | undefined)[] | undefined {
  const [header, ...rows] = table.children;
  if (!header || rows.length === 0) return undefined;
  const layout = layoutOf(header, rows, text);
  if (layout === undefined) return undefined;
  const papers = rows.filter((row) => namesOnePaper(row, layout)).length;
  if (papers * 2 <= rows.length) return undefined;
  return rows.map((row) => readRow(row, layout, text, map));
}

function layoutOf(header: TableRow, rows: TableRow[], text: string): Layout | undefined {
  const width = Math.max(header.children.length, ...rows.map((r) => r.children.length));
  const roles: (Role | undefined)[] = [];
  for (let i = 0; i < width; i++) roles.push(header.children[i] ? roleOf(toString(header.children[i]!)) : undefined);
  const first = (role: Role) => {
    const at = roles.indexOf(role);
    return at >= 0 ? at : undefined;
  };
  const named = first('title') ?? first('paper');
  let title = named;
  if (title === undefined) {
    // No column is named for the title: the one (unnamed, or a name column) whose cells cite a paper most often
    // (`[Title](url)`, `"Title" [[paper](url)]`), else a name column, else the first column of text.
    let bestCount = 0;
    for (let i = 0; i < width; i++) {
      if (roles[i] !== undefined && roles[i] !== 'name') continue;
      const count = rows.filter((r) => cites(r.children[i], text)).length;
      if (count > bestCount) [title, bestCount] = [i, count];
    }
    title ??= first('name');
    if (title === undefined) {
      const plain = roles.findIndex((r, i) => r === undefined && rows.some((row) => hasText(row.children[i])));
      if (plain < 0) return undefined;
      title = plain;
    }
  }
  // A name column (`| **Dataset** | [Paper](url) |`), else a column without a name before the title's.
  let nameColumn = roles.findIndex((r, i) => i !== title && r === 'name');
  if (nameColumn < 0) nameColumn = roles.findIndex((r, i) => i < title! && r === undefined);
  return {
    title,
    fallbackTitle: nameColumn >= 0 ? nameColumn : undefined,
    namedTitle: named !== undefined,
    authors: first('authors'),
    venue: first('venue'),
    date: first('date'),
    roles,
  };
}

/** A header's role: `Paper Title` is a title, `Publication Date` a date, `Venue & Year` a venue (its year is read from it). */
function roleOf(header: string): Role | undefined {
  const h = header.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  if (/\btitles?\b/.test(h)) return 'title';
  if (/\b(?:papers?|articles?)\b/.test(h) && !/\b(?:date|time|year|links?|code|venue)\b/.test(h)) return 'paper';
  if (/\bauthors?\b/.test(h)) return 'authors';
  if (/\b(?:date|time|released?)\b/.test(h)) return 'date';
  if (/\b(?:venues?|conferences?|conf|journals?|publications?|published|publisher|booktitle)\b/.test(h)) return 'venue';
  if (/\b(?:years?)\b/.test(h)) return 'date';
  // Columns of links that are not the paper's: code, demos, project pages.
  if (/\b(?:code|github|repo|repository|repositories|implementation|demos?|projects?|pages?|website|homepage|links?)\b/.test(h)) return 'code';
  if (/\b(?:names?|models?|methods?|datasets?|benchmarks?|approach|approaches)\b/.test(h)) return 'name';
  return undefined;
}

/** Labels that say what a link is rather than name a paper: `[Paper](…)`, `[Github](…)`, `[Demo](…)`. */
const KIND_LABEL =
  /^(?:paper|pdf|arxiv|abs|doi|link|links|article|code|github|gitlab|repo|repository|project|project page|page|website|homepage|home|demo|video|slides|blog|model|models|weights|checkpoints?|dataset|data|huggingface|hf|hugging face|bib|bibtex|poster|talk|openreview|official|coming soon|soon|star|stars)$/i;

/** Links a title may be: not a badge, not an in-page anchor, not a `[Code](…)` label, at least three characters. */
function namedLinks(nodes: PhrasingContent[] | undefined): MdLink[] {
  if (!nodes) return [];
  return nodes.flatMap(collectLinks).filter((l) => !l.url.startsWith('#') && !isImageLink(l) && !KIND_LABEL.test(toString(l).trim()) && toString(l).trim().length >= 3);
}

/** `"Title" [[paper](url)]` written in a cell: where the quoted title stands. */
const QUOTED_TITLE = /^\s*["“]([^"”\n]{3,}?)["”]/;

/** The cell cites a paper: a named link, or a quoted title with a link. */
function cites(cell: TableCell | undefined, text: string): boolean {
  if (!cell) return false;
  if (namedLinks(cell.children).length > 0) return true;
  const first = cell.children.find((n) => !isDecoration(n));
  return first?.type === 'text' && QUOTED_TITLE.test(text.slice(offsetOf(first, 'start'), offsetOf(first, 'end'))) && cell.children.some((n) => n.type === 'link');
}

/**
 * The cell is a list of named links (`[ZSRE](…), [CounterFact](…)`): it
 * names several papers, not one. A citation with more links
 * (`"Title" [[paper](…)] [[MBPP](…)]`) is not a list.
 */
function listsSeveral(cell: TableCell | undefined): boolean {
  if (!cell) return false;
  const nodes = cell.children.filter((n) => !isDecoration(n) && !isBreak(n));
  let named = 0;
  for (const node of nodes) {
    if (node.type === 'text' && SEPARATOR.test(node.value)) continue;
    const links = namedLinks([node]);
    if (links.length !== 1 || toString(node).trim() !== toString(links[0]!).trim()) return false;
    named++;
  }
  return named >= 2;
}

const SEPARATOR = /^(?:[\s,;/、，；&|]|and\b|or\b)*$/i;

function webLinks(row: TableRow): MdLink[] {
  return row.children.flatMap((cell) => cell.children.flatMap(collectLinks)).filter((l) => !l.url.startsWith('#'));
}

/** Video hosts: a titled link there is a talk, not a paper. */
const VIDEO_HOST = /^https?:\/\/(?:[\w-]+\.)*(?:youtube\.com|youtu\.be|vimeo\.com|bilibili\.com|b23\.tv)(?:[/:?#]|$)/i;

/** The row names one paper: see `readPaperTable`. */
function namesOnePaper(row: TableRow, layout: Layout): boolean {
  const titleCell = row.children[layout.title];
  if (listsSeveral(titleCell)) return false;
  const links = webLinks(row).filter((l) => !isImageLink(l));
  if (links.some((l) => isPaperUrl(l.url) || parseArxivUrl(l.url))) return true;
  if (!layout.namedTitle || !titleCell) return false;
  return titleCell.children.flatMap(collectLinks).some((l) => !l.url.startsWith('#') && !isImageLink(l) && !VIDEO_HOST.test(l.url));
}

function readRow(row: TableRow, layout: Layout, text: string, map: PositionMapper): Entry | undefined {
  const mdLinks = webLinks(row);
  if (mdLinks.length === 0 || listsSeveral(row.children[layout.title])) return undefined;
  let title = titleOf(row.children[layout.title], text);
  if (!title && layout.fallbackTitle !== undefined) title = titleOf(row.children[layout.fallbackTitle], text);
  if (!title) return undefined;
  const titleSpan = trimmedSpan(text, title.start, title.end, map, true);
  if (!titleSpan) return undefined;

  const entry: Entry = {
    range: map.range(offsetOf(row, 'start'), offsetOf(row, 'end')),
    title: titleSpan,
    links: mdLinks.map((l) => linkOf(l, text, map, l === title!.link)),
    linkIssues: [],
  };
  const authors = layout.authors !== undefined ? authorsOf(row.children[layout.authors], text, map) : undefined;
  if (authors) {
    entry.authors = authors.span;
    // Only emphasis is a style; a plain author cell is how tables write authors, not a slip (`author-format`).
    if (authors.italic) entry.authorsStyle = 'italic';
  }
  const dateCell = layout.date !== undefined ? row.children[layout.date] : undefined;
  if (dateCell) readYear(entry, dateCell, text, map);
  const venueCell = layout.venue !== undefined ? row.children[layout.venue] : undefined;
  const venue = venueCell && contentOf(venueCell, text);
  if (venue && !EMPTY_CELL.test(text.slice(venue.start, venue.end).trim())) readVenueAndYear(entry, text, venue.start, venue.end, map);
  if (!entry.year) {
    // Without a date column: a cell that is only a year or a date (`2023`, `(2023)`, `2023-06-23`) dates the row.
    row.children.forEach((cell, i) => {
      if (entry.year || i === layout.title || layout.roles[i] === 'code') return;
      const c = contentOf(cell, text);
      if (c && DATE_CELL.test(text.slice(c.start, c.end).trim())) readYear(entry, cell, text, map);
    });
  }
  if (!entry.year && title.year !== undefined) {
    entry.year = { text: text.slice(title.year, title.year + 4), value: Number(text.slice(title.year, title.year + 4)), range: map.range(title.year, title.year + 4) };
  }
  const arxiv = arxivOf(entry.links);
  if (arxiv) entry.arxiv = arxiv;
  return entry;
}

/**
 * `toLink`, with the label as it is written between the markup, so that its
 * text is what its range holds: `[**Title**](url)` → `Title`, a badge
 * `[![Stars](img)](url)` → its alt text `Stars`.
 */
function linkOf(node: MdLink, text: string, map: PositionMapper, isTitle: boolean): Link {
  const link = toLink(node, text, map, isTitle);
  if (node.children.length === 0) return link;
  let start: number;
  let end: number;
  const image = isImageLink(node) ? node.children.find((c) => c.type === 'image') : undefined;
  if (image) {
    start = offsetOf(image, 'start') + 2; // past `![`
    end = text.indexOf('](', start);
    if (end < start || end > offsetOf(image, 'end')) return link;
  } else {
    const inner = innermost(node);
    start = innerStart(inner);
    end = innerEnd(inner);
  }
  link.label = { text: text.slice(start, end), range: map.range(start, end) };
  return link;
}

const EMPTY_CELL = /^(?:[-–—/?]*|n\/?a|none|tbd|tba)$/i;
const DATE_CELL = /^\(?(?:19|20)\d{2}(?:[-/.]\d{1,2}){0,2}\)?$/;
const YEAR = /(?<!\d)((?:19|20)\d{2})(?!\d)/;
/** `(2023)` closing a title cell (the spaces before it are found by a scan back: a leading `\s*` would be quadratic on a long run of them). */
const TRAILING_YEAR = /\(((?:19|20)\d{2})\)\s*$/;

/** The first four-digit year of a date cell (`2023-06-23`, `Jun 2023`, `(2023)`), and its month where one follows it. */
function readYear(entry: Entry, cell: TableCell, text: string, map: PositionMapper): void {
  const c = contentOf(cell, text);
  if (!c) return;
  const m = YEAR.exec(text.slice(c.start, c.end));
  if (!m) return;
  readDate(entry, text, c.start + m.index, c.end, map);
}

/**
 * Where a cell's title stands: the first part of the cell (parts are cut at
 * `<br>`) that holds more than badges and `[Code](…)` links, with its markup
 * taken off: `![Star](badge) <br> [**Title**](url) <br>` → `Title`.
 */
function titleOf(cell: TableCell | undefined, text: string): { start: number; end: number; link?: MdLink; year?: number } | undefined {
  if (!cell) return undefined;
  for (const part of partsOf(cell.children)) {
    const nodes = part.filter((n) => !isDecoration(n));
    if (nodes.length === 0) continue;
    const opening = nodes[0]!;
    const quoted = opening.type === 'text' ? QUOTED_TITLE.exec(text.slice(offsetOf(opening, 'start'), offsetOf(opening, 'end'))) : null;
    if (quoted) {
      // `"Title" [[paper](url)] [[data](url)]`: the quotes hold the title.
      const at = offsetOf(opening, 'start') + quoted[0].indexOf(quoted[1]!);
      return { start: at, end: at + quoted[1]!.length };
    }
    const last = nodes[nodes.length - 1]!;
    const lastText = text.slice(offsetOf(last, 'start'), offsetOf(last, 'end'));
    const m = last.type === 'text' ? TRAILING_YEAR.exec(lastText) : null;
    if (!m) return spanOf(nodes, text, undefined, undefined);
    // `[Title](url) (2023)`: the year is the entry's, not the title's.
    const cut = offsetOf(last, 'start') + lastText.slice(0, m.index).trimEnd().length;
    const year = offsetOf(last, 'start') + m.index + 1;
    if (text.slice(offsetOf(last, 'start'), cut).trim() !== '') return spanOf(nodes, text, cut, year);
    if (nodes.length === 1) return undefined;
    return spanOf(nodes.slice(0, -1), text, undefined, year);
  }
  return undefined;
}

function spanOf(nodes: PhrasingContent[], text: string, cut: number | undefined, year: number | undefined) {
  let start: number;
  let end: number;
  if (nodes.length === 1) {
    const inner = innermost(nodes[0]!);
    start = innerStart(inner);
    end = innerEnd(inner);
  } else {
    start = offsetOf(nodes[0]!, 'start');
    end = offsetOf(nodes[nodes.length - 1]!, 'end');
  }
  // The title's link (`[**Title**](url)`, `**[Title](url)**`) is the paper link.
  const link = nodes.flatMap(collectLinks).find((l) => !l.url.startsWith('#') && !isImageLink(l));
  if (cut !== undefined) end = Math.min(end, cut);
  if (text.slice(start, end).trim() === '' || EMPTY_CELL.test(text.slice(start, end).trim())) return undefined;
  return { start, end, ...(link ? { link } : {}), ...(year !== undefined ? { year } : {}) };
}

/** What a cell holds with badges and `<br>` left out, its markup taken off when it is one node: `**CVPR 2024**` → `CVPR 2024`. */
function contentOf(cell: TableCell, text: string): { start: number; end: number } | undefined {
  const nodes = cell.children.filter((n) => !isDecoration(n) && !isBreak(n));
  if (nodes.length === 0) return undefined;
  if (nodes.length === 1) {
    const inner = innermost(nodes[0]!);
    return { start: innerStart(inner), end: innerEnd(inner) };
  }
  const start = offsetOf(nodes[0]!, 'start');
  const end = offsetOf(nodes[nodes.length - 1]!, 'end');
  return text.slice(start, end).trim() ? { start, end } : undefined;
}

function authorsOf(cell: TableCell | undefined, text: string, map: PositionMapper): { span: Span; italic: boolean } | undefined {
  if (!cell) return undefined;
  const c = contentOf(cell, text);
  if (!c || EMPTY_CELL.test(text.slice(c.start, c.end).trim())) return undefined;
  const span = trimmedSpan(text, c.start, c.end, map, false);
  if (!span) return undefined;
  const nodes = cell.children.filter((n) => !isDecoration(n) && !isBreak(n));
  return { span, italic: nodes.length === 1 && nodes[0]!.type === 'emphasis' };
}

/** The cell's inline content cut at `<br>`. */
function partsOf(children: PhrasingContent[]): PhrasingContent[][] {
  const parts: PhrasingContent[][] = [[]];
  for (const child of children) {
    if (isBreak(child)) parts.push([]);
    else parts[parts.length - 1]!.push(child);
  }
  return parts;
}

function isBreak(node: PhrasingContent): boolean {
  return node.type === 'break' || (node.type === 'html' && /^<br\s*\/?>$/i.test(node.value.trim()));
}

/** What a title is never made of: badges, blank text, raw HTML, `[Code](…)` links. */
function isDecoration(node: PhrasingContent): boolean {
  if (node.type === 'image' || node.type === 'imageReference' || node.type === 'html') return true;
  if (node.type === 'text') return node.value.trim() === '';
  if (node.type === 'link') return node.url.startsWith('#') || isImageLink(node) || isPaperLabel(toString(node)) || KIND_LABEL.test(toString(node).trim());
  return false;
}

function hasText(cell: TableCell | undefined): boolean {
  return !!cell && toString(cell).trim() !== '';
}
