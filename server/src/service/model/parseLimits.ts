/**
 * What is not handed to remark. micromark reads ordinary Markdown in linear
 * time, but two shapes cost far more per character, and hostile or broken
 * files have them: containers nested hundreds deep (`>>>>…`, a list inside a
 * list a thousand times: 34 s for 1 MB), and paragraphs with thousands of
 * emphasis or link marks (`*a*a*a…`: 1.7 s for one 10 KB line, over a minute
 * for 1 MB). Nested structure is also what the walks over the tree recurse
 * on, so these limits are what bound their depth.
 *
 * Such text is blanked before parsing (the same length and the same line
 * breaks, so every offset and position stays true) and reported once per
 * block; everything else in the file is read as usual.
 *
 * The limits sit far above real lists (measured on ten: at most 9 levels and
 * 46 marks in a line) and below where micromark's cost per character starts
 * to climb (about 2× at 500 marks in a paragraph, 3× at 1,000).
 */

/** Block quotes and list items open on one line, counting two columns of indentation before a marker as one level. */
export const MAX_NESTING = 32;
/** The characters `* _ [ ] ( ) < > \` ~` in one paragraph (or one table row). */
export const MAX_INLINE_MARKS = 500;

export interface LimitedText {
  /** The text to parse: the input, or a copy with the parts past a limit blanked. */
  text: string;
  /** Offsets of each blanked part and why. */
  problems: { from: number; to: number; message: string }[];
}

const NESTING_MESSAGE =
  `Nested more than ${MAX_NESTING} levels deep (block quotes and lists): Surveyor does not read these lines, and checks the rest of the file.`;
const MARKS_MESSAGE =
  `More than ${MAX_INLINE_MARKS} emphasis and link marks (* _ [ ] ( ) < > \` ~) in one paragraph, too many to read as Markdown in reasonable time: Surveyor reads it as plain text, and checks the rest of the file.`;

export function limitText(text: string): LimitedText {
  const blanks: Blank[] = [];
  let run: Run | undefined;
  let inTable = false;
  const endRun = () => {
    if (run && run.marks > MAX_INLINE_MARKS) blanks.push({ kind: 'marks', from: run.from, to: run.to, spans: run.spans });
    run = undefined;
  };
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const lineEnd = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    const prefix = linePrefix(text, start, lineEnd);
    if (prefix.depth > MAX_NESTING) {
      endRun();
      const last = blanks[blanks.length - 1];
      if (last?.kind === 'nesting' && last.to >= start - 2) last.to = lineEnd;
      else blanks.push({ kind: 'nesting', from: start, to: lineEnd, spans: [] });
    } else if (prefix.end === lineEnd) {
      endRun(); // a blank line (or only `>` marks) ends a paragraph
      inTable = false;
    } else {
      const startsBlock = prefix.markers > 0 || text.charCodeAt(prefix.end) === 35 /* # */ || inTable;
      if (isDelimiterRow(text, prefix.end, lineEnd)) inTable = true;
      if (startsBlock) endRun();
      run ??= { from: prefix.end, to: lineEnd, marks: 0, spans: [], html: isHtmlBlockStart(text.slice(prefix.end, lineEnd)) };
      run.to = lineEnd;
      if (!run.html) run.marks += countMarks(text, prefix.end, lineEnd);
      run.spans.push([prefix.end, lineEnd]);
    }
    start = end + 1;
  }
  endRun();
  if (blanks.length === 0) return { text, problems: [] };
  return { text: blanked(text, blanks), problems: blanks.map((b) => ({ from: b.from, to: b.to, message: b.kind === 'nesting' ? NESTING_MESSAGE : MARKS_MESSAGE })) };
}

interface Run {
  from: number;
  to: number;
  marks: number;
  /** An HTML block: raw text to micromark, whatever marks it holds. */
  html: boolean;
  /** The content of each line, after its container marks. */
  spans: [number, number][];
}

interface Blank {
  kind: 'nesting' | 'marks';
  from: number;
  to: number;
  /** For marks: where the marks are turned into spaces. */
  spans: [number, number][];
}

/**
 * The container marks a line starts with (`>`, `-`, `*`, `+`, `1.`, `1)` and
 * the whitespace between them), how deep they nest, and where the content
 * starts. Indentation counts only on a line with a marker: it is how a list
 * nests, while indented code (in a fence, say) nests nothing.
 */
function linePrefix(text: string, from: number, to: number): { end: number; depth: number; markers: number } {
  let quotes = 0;
  let markers = 0;
  let columns = 0;
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === 32) columns++;
    else if (c === 9) columns += 4 - (columns % 4);
    else if (c === 62 /* > */) quotes++;
    else {
      const marker = markerLength(text, i, to);
      if (marker === 0) break;
      markers++;
      i += marker;
      continue;
    }
    i++;
  }
  return { end: i, depth: quotes + markers + (markers > 0 ? Math.floor(columns / 2) : 0), markers };
}

/** The length of a list marker at `i` (followed by a space, a tab or the end of the line), or 0. */
function markerLength(text: string, i: number, to: number): number {
  const c = text.charCodeAt(i);
  let j = i;
  if (c === 45 || c === 42 || c === 43) j = i + 1; // - * +
  else {
    while (j < to && j - i < 9 && isDigit(text.charCodeAt(j))) j++;
    if (j === i || j >= to) return 0;
    const d = text.charCodeAt(j);
    if (d !== 46 && d !== 41) return 0; // . )
    j++;
  }
  if (j === to) return j - i;
  const after = text.charCodeAt(j);
  return after === 32 || after === 9 ? j - i : 0;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

const MARKS = new Uint8Array(128);
for (const c of '*_[]()<>`~') MARKS[c.charCodeAt(0)] = 1;

function isMark(c: number): boolean {
  return c < 128 && MARKS[c] === 1;
}

function countMarks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (isMark(text.charCodeAt(i))) n++;
  return n;
}

/** A GFM table's delimiter row: only `|`, `-`, `:`, spaces and tabs, with a `|` and a `-`. */
function isDelimiterRow(text: string, from: number, to: number): boolean {
  let pipe = false;
  let dash = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 124) pipe = true;
    else if (c === 45) dash = true;
    else if (c !== 58 && c !== 32 && c !== 9) return false;
  }
  return pipe && dash;
}

/**
 * Each line becomes an HTML comment of its length (such a line is at least
 * 33 characters long). Not spaces: a blank line inside containers costs
 * micromark the depth times its length, while a comment at column 0 closes
 * them.
 */
function blankLines(text: string, chars: string[], from: number, to: number): void {
  for (let start = from; start < to; ) {
    const newline = text.indexOf('\n', start);
    let end = newline === -1 || newline > to ? to : newline;
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    for (let i = start; i < end; i++) chars[i] = ' ';
    if (end - start >= 7) {
      chars.splice(start, 4, '<', '!', '-', '-');
      chars.splice(end - 3, 3, '-', '-', '>');
    }
    start = (newline === -1 ? to : newline) + 1;
  }
}

/** CommonMark's HTML block starts (kinds 1–7; a raw line ends kinds 6 and 7 at a blank line, as a paragraph ends). */
const HTML_BLOCK_START =
  /^<(?:[!?]|\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|pre|script|search|section|style|summary|table|tbody|td|textarea|tfoot|th|thead|title|tr|track|ul)(?![A-Za-z0-9-]))/i;
/** Kind 7: any one complete tag alone on its line. */
const LONE_TAG = /^<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?>\s*$/;

function isHtmlBlockStart(content: string): boolean {
  return content.startsWith('<') && (HTML_BLOCK_START.test(content) || LONE_TAG.test(content));
}

function blanked(text: string, blanks: Blank[]): string {
  const chars = text.split('');
  for (const blank of blanks) {
    if (blank.kind === 'nesting') blankLines(text, chars, blank.from, blank.to);
    else {
      for (const [from, to] of blank.spans) for (let i = from; i < to; i++) if (isMark(text.charCodeAt(i))) chars[i] = ' ';
    }
  }
  return chars.join('');
}
