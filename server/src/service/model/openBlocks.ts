import type { Node, RootContent } from 'mdast';

/** A block that runs on until something closes it: a fenced code block or an HTML block. */
export type OpenBlock = (
  | { kind: 'fence'; fence: string }
  | { kind: 'html-until'; marker: RegExp }
  | { kind: 'html-until-blank' }
) & {
  /** Where the line that opens the block starts, in the chunk's text. */
  from: number;
};

/**
 * Whether the last block of a chunk stays open at the chunk's end. Only
 * top-level fenced code and HTML blocks can swallow a heading line that
 * follows (containers close at a line that is not indented).
 */
export function openBlockAtEnd(node: RootContent, text: string): OpenBlock | undefined {
  const from = lineStart(text, start(node));
  const to = end(node);
  const firstLine = text.slice(from, lineEnd(text, from));
  if (node.type === 'code') {
    const open = /^ {0,3}(`{3,}|~{3,})/.exec(firstLine);
    if (!open) return undefined;
    const fence = open[1]!;
    const lastLineStart = lineStart(text, to);
    const closes = lastLineStart > from && isClosingFence(text.slice(lastLineStart, lineEnd(text, lastLineStart)), fence);
    return closes ? undefined : { kind: 'fence', fence, from };
  }
  if (node.type === 'html') {
    const marker = htmlEndMarker(firstLine);
    if (marker) {
      const afterOpening = text.slice(from + firstLine.indexOf('<') + 2, to);
      return marker.test(afterOpening) ? undefined : { kind: 'html-until', marker, from };
    }
    // Kinds 6 and 7 end at a blank line; all that follows the last block is blank space.
    return /\n[ \t]*\r?\n/.test(text.slice(to)) ? undefined : { kind: 'html-until-blank', from };
  }
  return undefined;
}

export function isClosingFence(line: string, fence: string): boolean {
  const m = /^ {0,3}(`+|~+)[ \t]*\r?$/.exec(line);
  return !!m && m[1]![0] === fence[0] && m[1]!.length >= fence.length;
}

/** CommonMark's HTML block kinds 1–5 end at a marker; kinds 6 and 7 at a blank line (undefined here). */
function htmlEndMarker(firstLine: string): RegExp | undefined {
  if (/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i.test(firstLine)) return /<\/(?:script|pre|style|textarea)>/i;
  if (/^ {0,3}<!--/.test(firstLine)) return /-->/;
  if (/^ {0,3}<\?/.test(firstLine)) return /\?>/;
  if (/^ {0,3}<!\[CDATA\[/.test(firstLine)) return /\]\]>/;
  if (/^ {0,3}<![A-Za-z]/.test(firstLine)) return />/;
  return undefined;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
  const i = text.indexOf('\n', offset);
  return i === -1 ? text.length : i;
}

function start(node: Node): number {
  return node.position!.start.offset!;
}

function end(node: Node): number {
  return node.position!.end.offset!;
}
