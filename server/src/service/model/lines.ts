import type { TextDocument } from 'vscode-languageserver-textdocument';

/** The text of one line, without its line break. */
export function lineText(document: TextDocument, line: number): string {
  return document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$|\r$/, '');
}

/** A line break as CommonMark (and the LSP) reads one: CRLF, LF or a lone CR. */
export const LINE_BREAK = /\r\n|\r|\n/;

/**
 * The text with every lone CR (old Mac line endings) written as LF. It has
 * the same length and the same lines, so offsets and positions in it are
 * those of the original; the parser then needs to know only `\n` and `\r\n`.
 */
export function withoutLoneCr(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}
