import type { Html, List, ListItem as MdListItem, Node, Nodes, Paragraph, PhrasingContent, Root, RootContent, Table } from 'mdast';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { toString } from 'mdast-util-to-string';
import { gfmTable } from 'micromark-extension-gfm-table';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import type { Position } from 'vscode-languageserver-types';
import { parseEntry } from './parseEntry';
import { readPaperTable } from './parseTable';
import { looksLikeHost } from './linkSyntax';
import { openBlockAtEnd, type OpenBlock } from './openBlocks';
import { limitText } from './parseLimits';
import { PositionMapper } from './positions';
import { proseLinkIssues } from './proseLinks';
import type { AnchorRef, ExplicitAnchor, FileLink, LinkSyntaxIssue, ListBlock, ListItem, ParseProblem, SectionHeading, SuppressionComment } from './types';

/**
 * What one chunk of a document (from a heading at the start of a line to the
 * next) holds besides its lists. Sections, slugs and entries across chunks
 * are put together by `assemble.ts`.
 */
export interface ChunkOutline {
  headings: SectionHeading[];
  anchors: AnchorRef[];
  explicitAnchors: ExplicitAnchor[];
  suppressions: SuppressionComment[];
  fileLinks: FileLink[];
  /** Broken link syntax outside the entries (`proseLinks.ts`); absent where there is none. */
  proseLinkIssues?: LinkSyntaxIssue[];
  problems: ParseProblem[];
  /** Where the chunk's text ends. */
  end: Position;
  /** The chunk ends with `<!-- omit in toc -->`: the heading that starts the next chunk is left out of the table of contents. */
  omitsNextHeading?: true;
}

/** One parsed chunk; its ranges start at the line given to `parseChunk`. */
export interface ChunkModel extends ChunkOutline {
  lists: ListBlock[];
  /** How the chunk's last block is left open, so that a heading after it would be swallowed. */
  openAtEnd?: OpenBlock;
}

/**
 * GFM tables, and nothing else of GFM: surveys write papers in tables
 * (`parseTable.ts`), while autolink literals or strikethrough would change
 * how the lists' entries read. remark-parse reads extensions from the
 * processor's data, as remark-gfm sets them.
 */
function gfmTables(this: Processor): undefined {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

const withTables = unified().use(remarkParse).use(gfmTables);
const plain = unified().use(remarkParse);

/**
 * A GFM table needs a delimiter row (`| --- | :-: |`). The table extension
 * slows micromark on every line, so text without a line that could be one is
 * read without it: the same tree, faster. (One character class per line: no
 * backtracking on long lines.)
 */
function processorFor(text: string) {
  for (const m of text.matchAll(/^[ \t|:-]+$/gm)) if (m[0].includes('|') && m[0].includes('-')) return withTables;
  return plain;
}

/**
 * The repository path a link target names, or undefined for a web address,
 * an anchor, a mail link or an empty target. GitHub resolves a relative
 * target against the README's folder, and `/x` against the repository's root.
 */
function repositoryPath(url: string): string | undefined {
  if (url === '' || url.startsWith('#') || url.startsWith('//') || /^[a-z][a-z0-9+.-]*:/i.test(url)) return undefined;
  // `github.com/o/r` without a scheme is a url missing https:// (`malformed-link`), not a file.
  if (looksLikeHost(url)) return undefined;
  const path = url.split('#')[0]!.split('?')[0]!;
  if (path === '' || path === '.' || path === './') return undefined;
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** A link to a heading of this page: `#x`, or written `./#x`, `README.md#x` (case as GitHub's file names: any case). */
const IN_PAGE = /^(?:\.\/)?(?:readme\.md)?#/i;

const OMIT_IN_TOC = /<!--\s*omit (?:in|from) toc\s*-->/i;

/**
 * A heading's text as GitHub builds its anchor from: images (badges) and
 * raw HTML (comments, tags) are not part of it; link text and inline code are.
 */
function headingText(node: Nodes): string {
  if (node.type === 'image' || node.type === 'html') return '';
  if ('children' in node) return (node.children as Nodes[]).map(headingText).join('');
  return 'value' in node ? String(node.value) : '';
}

/**
 * `<!-- surveyor-disable … ` up to the first `>` after it, which must end
 * `-->` for a comment. Matched up to any `>` and checked after: a start that
 * fails then moves on past that `>`, where `([^>]*?)-->` would read to it
 * again from every `<!-- surveyor-` before it.
 */
const SUPPRESSION = /<!--\s*surveyor-(disable-next-line|disable|enable)\b([^>]*)(>?)/g;

/** `href="#x"`, the rest of its tag up to `>` (if any), then its text; checked after, like `SUPPRESSION`. */
const HTML_ANCHOR_LINK = /\bhref\s*=\s*(["'])#([^"']*)\1([^>]*)(>?)([^<]*)/gi;

export function parseChunk(original: string, firstLine: number): ChunkModel {
  // Past the limits of `parseLimits.ts` text is blanked, not parsed: this also bounds how deep the walks below recurse.
  const { text, problems } = limitText(original);
  const map = new PositionMapper(text, firstLine);
  const model: ChunkModel = { headings: [], lists: [], anchors: [], explicitAnchors: [], suppressions: [], fileLinks: [], problems: [], end: map.position(text.length) };
  for (const problem of problems) model.problems.push({ message: problem.message, range: map.range(problem.from, problem.to) });
  let root: Root;
  try {
    root = processorFor(text).parse(text);
  } catch (error) {
    model.problems.push({ message: `Surveyor could not parse this part of the file: ${String(error)}`, range: map.range(0, 0) });
    return model;
  }
  const walker = new Walker(text, map, model);
  for (const child of root.children) walker.block(child, 0, true);
  const prose = proseLinkIssues(root, text, map, walker.entryItems);
  if (prose.length > 0) model.proseLinkIssues = prose;
  if (walker.omitsNext) model.omitsNextHeading = true;
  const last = root.children[root.children.length - 1];
  const open = last && openBlockAtEnd(last, text);
  if (open) model.openAtEnd = open;
  return model;
}

class Walker {
  /**
   * Where the chunk's last line break starts. A block left open inside a
   * list item (an unclosed fence) ends, in remark, where the text ends; had
   * the next heading closed it, it would end at the start of the last line
   * break before that heading. Nodes are cut there, so that a chunk reads as
   * it does within the whole document.
   */
  private readonly lastBreak: number;
  /** An `<!-- omit in toc -->` comment stood just before: the next heading is left out of the table of contents. */
  private omitNext = false;
  /** The list items read as entries, whose links the entries' own scan reads. */
  readonly entryItems = new Set<MdListItem>();

  /** Whether the chunk ended on an `<!-- omit in toc -->` comment. */
  get omitsNext(): boolean {
    return this.omitNext;
  }

  constructor(
    private readonly text: string,
    private readonly map: PositionMapper,
    private readonly model: ChunkModel,
  ) {
    const finalBreak = /(?:\r\n|\n|\r)$/.exec(text);
    this.lastBreak = finalBreak ? finalBreak.index : text.length;
  }

  block(node: RootContent, listDepth: number, topLevel: boolean): void {
    switch (node.type) {
      case 'heading': {
        const heading: SectionHeading = {
          kind: 'heading',
          depth: node.depth,
          text: headingText(node),
          range: this.rangeOf(node),
          textRange: this.innerRange(node),
        };
        if (this.omitNext || node.children.some((c) => c.type === 'html' && OMIT_IN_TOC.test(c.value))) heading.omitInToc = true;
        this.model.headings.push(heading);
        this.omitNext = false;
        this.inline(node.children);
        return;
      }
      case 'paragraph':
        if (topLevel && isCategoryLine(node, this.text)) {
          this.model.headings.push({ kind: 'category', text: toString(node), range: this.rangeOf(node), textRange: this.innerRange(innermost(node)) });
        }
        this.inline(node.children);
        return;
      case 'list':
        this.list(node, listDepth);
        return;
      case 'table':
        this.table(node, listDepth);
        return;
      case 'html':
        this.html(node);
        // `<!-- omit in toc -->` on the line before a heading marks it, as Markdown All in One reads it.
        this.omitNext = OMIT_IN_TOC.test(node.value);
        return;
      case 'code':
        return;
      default:
        if ('children' in node) for (const child of node.children as RootContent[]) this.block(child, listDepth, false);
    }
  }

  private list(node: List, depth: number): void {
    this.omitNext = false;
    const items: ListItem[] = node.children.map((item) => {
      const entry = parseEntry(item, this.text, this.map);
      if (entry) this.entryItems.add(item);
      return { range: this.rangeOf(item), marker: this.marker(start(item)), ...(entry ? { entry } : {}) };
    });
    this.model.lists.push({ ordered: node.ordered === true, range: this.rangeOf(node), depth, items });
    for (const item of node.children) for (const child of item.children) this.block(child, depth + 1, false);
  }

  /**
   * A table of papers is a list whose items are its body rows (`parseTable.ts`
   * decides, from the rows' links, whether the table lists papers at all);
   * any table's cells are read for anchors.
   */
  private table(node: Table, depth: number): void {
    const entries = readPaperTable(node, this.text, this.map);
    if (entries) {
      const items: ListItem[] = node.children.slice(1).map((row, i) => {
        const entry = entries[i];
        return { range: this.rangeOf(row), marker: { delimiter: '|' }, ...(entry ? { entry: { ...entry, row: true as const } } : {}) };
      });
      this.model.lists.push({ ordered: false, table: true, range: this.rangeOf(node), depth, items });
    }
    for (const row of node.children) for (const cell of row.children) this.inline(cell.children);
  }

  private marker(offset: number): ListItem['marker'] {
    const m = /^(\d{1,9})([.)])|^([-*+])/.exec(this.text.slice(offset, offset + 11));
    if (!m) return { delimiter: '' };
    if (m[3]) return { delimiter: m[3] };
    return { number: Number(m[1]), numberRange: this.map.range(offset, offset + m[1]!.length), delimiter: m[2]! };
  }

  private inline(nodes: PhrasingContent[]): void {
    for (const node of nodes) {
      if (node.type === 'link' && IN_PAGE.test(node.url)) this.markdownAnchor(node);
      else if ((node.type === 'link' || node.type === 'image') && node.position) this.fileLink(node);
      else if (node.type === 'html') this.html(node);
      if ('children' in node) this.inline(node.children as PhrasingContent[]);
    }
  }

  /** `[label](#fragment)`: the fragment stands after the `](` that follows the label. */
  private markdownAnchor(node: PhrasingContent & { url: string }): void {
    const s = start(node);
    const labelEnd = 'children' in node && node.children.length > 0 ? end(node.children[node.children.length - 1]!) : s + 1;
    const hash = this.text.indexOf('#', labelEnd);
    if (hash === -1 || hash >= end(node)) return;
    const fragment = node.url.slice(node.url.indexOf('#') + 1);
    const label = toString(node).trim();
    this.model.anchors.push({
      kind: 'markdown',
      fragment,
      range: this.map.range(hash + 1, hash + 1 + rawLength(this.text, hash + 1, end(node))),
      ...(label ? { label } : {}),
    });
  }

  /** `[cite](./images/cite.txt)`, `![fig](fig.png)`: a target that is a path of the repository (`repositoryPath`). */
  private fileLink(node: PhrasingContent & { url: string }): void {
    const path = repositoryPath(node.url);
    if (path === undefined) return;
    const target = node.url.split(/[#?]/)[0]!;
    const at = this.text.lastIndexOf(target, end(node));
    const from = at >= start(node) ? at : start(node);
    this.model.fileLinks.push({ path, range: this.map.range(from, at >= start(node) ? at + target.length : end(node)) });
  }

  /** Anchors in raw HTML: `href="#x"` refers to one; `id="x"` and `name="x"` define one. Also suppression comments. */
  private html(node: Html): void {
    scanHtml(this.text.slice(start(node), end(node)), start(node), this.map, this.model);
  }

  private rangeOf(node: Node) {
    return this.map.range(start(node), Math.min(end(node), this.lastBreak));
  }

  /** From the first child to the last (a heading's text without `#` marks). */
  private innerRange(node: Nodes) {
    const kids = 'children' in node ? (node.children as Node[]) : [];
    if (kids.length === 0) return this.map.range(end(node), end(node));
    return this.map.range(start(kids[0]!), end(kids[kids.length - 1]!));
  }
}

/**
 * What raw HTML holds for a survey (`source` stands at `offset` of the text
 * `map` measures): `href="#x"` refers to an anchor, `id="x"` and `name="x"`
 * define one, and `<!-- surveyor-… -->` comments silence rules.
 */
export function scanHtml(source: string, offset: number, map: PositionMapper, into: ChunkOutline): void {
  for (const m of source.matchAll(SUPPRESSION)) {
    if (!m[3] || !m[2]!.endsWith('--')) continue;
    const codes = m[2]!.slice(0, -2).split(/[\s,]+/).filter((c) => c !== '');
    into.suppressions.push({ kind: m[1] as SuppressionComment['kind'], codes, range: map.range(offset + m.index, offset + m.index + m[0].length) });
  }
  for (const m of source.matchAll(HTML_ANCHOR_LINK)) {
    if (!m[4]) break; // no `>` closes the tag, nor any later one
    const at = offset + m.index + m[0].indexOf('#') + 1;
    const label = m[5]!.trim();
    into.anchors.push({ kind: 'html', fragment: m[2]!, range: map.range(at, at + m[2]!.length), ...(label ? { label } : {}) });
  }
  for (const m of source.matchAll(/\b(?:id|name)\s*=\s*(["'])([^"']+)\1/gi)) {
    const at = offset + m.index + m[0].lastIndexOf(m[2]!);
    into.explicitAnchors.push({ name: m[2]!, range: map.range(at, at + m[2]!.length) });
  }
}

/** A paragraph that is nothing but bold text on one line: `***Text Prompt-driven***`, `**Models**`. */
function isCategoryLine(node: Paragraph, text: string): boolean {
  if (node.children.length !== 1) return false;
  const only = node.children[0]!;
  const bold = only.type === 'strong' || (only.type === 'emphasis' && only.children.length === 1 && only.children[0]!.type === 'strong');
  return bold && !text.slice(start(node), end(node)).includes('\n') && toString(node).trim() !== '';
}

function innermost(node: Paragraph): Nodes {
  let current: Nodes = node.children[0]!;
  while ('children' in current && current.children.length === 1 && ['strong', 'emphasis'].includes(current.children[0]!.type)) {
    current = current.children[0] as Nodes;
  }
  return current;
}

/** Length of a link destination written from `from` (up to whitespace or the closing paren). */
function rawLength(text: string, from: number, limit: number): number {
  let i = from;
  while (i < limit && !/[\s)>]/.test(text[i]!)) i++;
  return i - from;
}

function start(node: Node): number {
  return node.position!.start.offset!;
}

function end(node: Node): number {
  return node.position!.end.offset!;
}
