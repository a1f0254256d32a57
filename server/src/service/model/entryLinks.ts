import type { Link as MdLink, PhrasingContent } from 'mdast';
import { parseArxivUrl } from './arxivId';
import type { PositionMapper } from './positions';
import type { ArxivRef, Link, Span } from './types';

/** Reading links and spans out of remark's nodes, with ranges of the text as written (entries and table rows). */

export function isImageLink(node: MdLink): boolean {
  return node.children.length > 0 && node.children.every((c) => c.type === 'image' || (c.type === 'text' && c.value.trim() === ''));
}

/** The content of a link or emphasis with its emphasis taken off: `[**Title**](url)` → `Title`. */
export function innermost(node: PhrasingContent): PhrasingContent {
  let current = node;
  while ('children' in current && current.children.length === 1 && ['strong', 'emphasis', 'link'].includes(current.children[0]!.type)) {
    current = current.children[0] as PhrasingContent;
  }
  return current;
}

export function collectLinks(node: PhrasingContent): MdLink[] {
  if (node.type === 'link') return [node];
  if (!('children' in node)) return [];
  return (node.children as PhrasingContent[]).flatMap(collectLinks);
}

export function toLink(node: MdLink, text: string, map: PositionMapper, isTitle: boolean): Link {
  const start = offsetOf(node, 'start');
  const end = offsetOf(node, 'end');
  const labelStart = start + 1;
  const labelEnd = node.children.length > 0 ? offsetOf(node.children[node.children.length - 1]!, 'end') : labelStart;
  const url = urlSpan(text, labelEnd, end);
  // The label's range is its text without emphasis marks: `[**Title**](url)` labels `Title`.
  const inner = innermost(node);
  const image = node.children.find((c) => c.type === 'image');
  // A badge's label is its image's alt text, which stands after `![`.
  const alt = image && isImageLink(node) ? text.indexOf(']', offsetOf(image, 'start') + 2) : -1;
  const shown =
    alt >= 0 ? { start: offsetOf(image!, 'start') + 2, end: alt } : inner === node ? { start: labelStart, end: labelEnd } : { start: innerStart(inner), end: innerEnd(inner) };
  const link: Link = {
    label: { text: text.slice(shown.start, shown.end), range: map.range(shown.start, shown.end) },
    url: { text: node.url, range: map.range(url.start, url.end) },
    range: map.range(start, end),
  };
  if (isImageLink(node)) link.image = true;
  if (isTitle) link.title = true;
  return link;
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

export function arxivOf(links: Link[]): ArxivRef | undefined {
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

/** A span with surrounding spaces, quotes (for titles) and a trailing `.` taken off. */
export function trimmedSpan(text: string, start: number, end: number, map: PositionMapper, title: boolean): Span | undefined {
  const strip = title ? /[\s"“”]/ : /\s/;
  let s = start;
  let e = end;
  while (s < e && strip.test(text[s]!)) s++;
  while (e > s && (strip.test(text[e - 1]!) || (title && /[.,]/.test(text[e - 1]!)))) e--;
  if (s >= e) return undefined;
  return { text: text.slice(s, e), range: map.range(s, e) };
}

export function offsetOf(node: { position?: { start: { offset?: number }; end: { offset?: number } } }, which: 'start' | 'end'): number {
  return node.position![which].offset!;
}

/** Start of the content of a `**strong**` or `_emphasis_` (past its markers). */
export function innerStart(node: PhrasingContent): number {
  const kids = 'children' in node ? (node.children as PhrasingContent[]) : [];
  return kids.length > 0 ? offsetOf(kids[0]!, 'start') : offsetOf(node, 'start');
}

export function innerEnd(node: PhrasingContent): number {
  const kids = 'children' in node ? (node.children as PhrasingContent[]) : [];
  return kids.length > 0 ? offsetOf(kids[kids.length - 1]!, 'end') : offsetOf(node, 'end');
}
