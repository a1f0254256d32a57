import type { ListItem as MdListItem, Nodes, Root } from 'mdast';
import { scanLinks } from './linkSyntax';
import type { PositionMapper } from './positions';
import type { LinkSyntaxIssue } from './types';

/**
 * Broken link syntax outside the entries: in bullets that are not papers
 * (news, tools, contributors), paragraphs, headings and table cells. The
 * entries' own links are read by `parseEntry.ts` (its leading paragraphs),
 * so those are passed over here and nothing is found twice; a table row
 * that is an entry has no link issues of its own, so every cell is read.
 *
 * What cannot hold a link is never read: code (fenced, indented, or a code
 * span), raw HTML (blocks, comments, inline tags) and reference definitions;
 * and `[ref] (https://…)` is left alone where the chunk defines `[ref]`.
 * A code span or tag inside a paragraph is blanked out of the text that is
 * scanned, offsets kept, so that `` `[a] (https://x)` `` is not read as a
 * link and nothing around it moves. Each block is scanned once: linear in
 * the chunk.
 */
export function proseLinkIssues(root: Root, text: string, map: PositionMapper, entryItems: ReadonlySet<MdListItem>): LinkSyntaxIssue[] {
  const blocks: { from: number; to: number }[] = [];
  const opaque: { from: number; to: number }[] = [];
  const defined = new Set<string>();
  const visit = (node: Nodes): void => {
    switch (node.type) {
      case 'paragraph':
      case 'heading':
      case 'tableCell':
        if (!node.position || !text.slice(node.position.start.offset!, node.position.end.offset!).includes('[')) return;
        blocks.push({ from: node.position.start.offset!, to: node.position.end.offset! });
        collectOpaque(node, opaque);
        return;
      case 'listItem': {
        // An entry's leading paragraphs are its own (`parseEntry.ts` reads them); what follows them is not.
        let k = 0;
        if (entryItems.has(node)) while (k < node.children.length && node.children[k]!.type === 'paragraph') k++;
        for (; k < node.children.length; k++) visit(node.children[k]!);
        return;
      }
      case 'definition':
        defined.add(node.identifier);
        return;
      case 'code':
      case 'html':
        return;
      default:
        if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
    }
  };
  visit(root);
  if (blocks.length === 0) return [];
  const scanned = opaque.length === 0 ? text : blanked(text, opaque);
  const issues: LinkSyntaxIssue[] = [];
  for (const { from, to } of blocks) {
    for (const issue of scanLinks(scanned, from, to, map, 'prose').issues) {
      // `[ref] (https://…)` where the chunk defines `[ref]: url`: a reference link GitHub shows, then words.
      if (issue.kind === 'space-before-paren' && defined.has(identifierOf(issue.label!))) continue;
      issues.push(issue);
    }
  }
  return issues;
}

/** A reference label as Markdown matches it with its definition: case and runs of white space aside. */
function identifierOf(label: string): string {
  return label.trim().split(/\s+/).join(' ').toLowerCase();
}

/** The inline code spans and raw HTML inside a block, in text order. */
function collectOpaque(node: Nodes, into: { from: number; to: number }[]): void {
  if (!('children' in node)) return;
  for (const child of node.children as Nodes[]) {
    if ((child.type === 'inlineCode' || child.type === 'html') && child.position) into.push({ from: child.position.start.offset!, to: child.position.end.offset! });
    else collectOpaque(child, into);
  }
}

/** `text` with the ranges (in order, not overlapping) turned into spaces, line breaks kept: the same offsets, nothing to read there. */
function blanked(text: string, ranges: readonly { from: number; to: number }[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const { from, to } of ranges) {
    parts.push(text.slice(at, from), text.slice(from, to).replace(/[^\r\n]/g, ' '));
    at = to;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
