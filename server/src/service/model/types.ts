import type { Range } from 'vscode-languageserver-types';

/**
 * The model of a survey README that every feature reads. Ranges are LSP
 * ranges (UTF-16 columns); they are all made by `positions.ts`.
 *
 * Fields that the text does not have are absent, never guessed.
 */

/** A piece of text with where it stands. */
export interface Span {
  text: string;
  range: Range;
}

/** A heading (`## Approaches`) or a bold-only category line (`***Text Prompt-driven***`). */
export interface SectionHeading {
  kind: 'heading' | 'category';
  /** `#` count (1–6) of a heading; absent for a category. */
  depth?: number;
  /** The plain text, without markup (what GitHub builds the slug from). */
  text: string;
  /** The whole heading line. */
  range: Range;
  /** Where the text alone stands (for rename and completion). */
  textRange: Range;
}

export interface Section extends SectionHeading {
  /** The heading's depth; a category sits one level below the heading above it. */
  level: number;
  /** GitHub's anchor for headings (unique in the document, `-1`, `-2` …); absent for categories. */
  slug?: string;
  /** Index in `SurveyDocument.sections` of the enclosing section, or -1 at the top. */
  parent: number;
  children: number[];
  /** From the heading line to the line before the next section of the same or a higher level. */
  bodyRange: Range;
}

export interface Link {
  /** The link text as written, e.g. `paper`. */
  label: Span;
  url: Span;
  /** The whole `[label](url)`. */
  range: Range;
}

export interface ArxivRef {
  /** Normalised id without version: `2401.15422`, `hep-th/9901001`. */
  id: string;
  /** The version the link pins, e.g. 2 for `v2`. */
  version?: number;
  /** Where the url that names it stands. */
  range: Range;
}

/** One list item that is a paper. */
export interface Entry {
  range: Range;
  title?: Span;
  authors?: Span;
  venue?: Span;
  year?: Span & { value: number };
  links: Link[];
  arxiv?: ArxivRef;
}

export interface ListMarker {
  /** The number of an ordered item, absent for bullets. */
  number?: number;
  /** The digits alone. */
  numberRange?: Range;
  /** `.` or `)` for ordered items; `-`, `*` or `+` for bullets. */
  delimiter: string;
}

export interface ListItem {
  range: Range;
  marker: ListMarker;
  /** The item parsed as a paper, when it is one. */
  entry?: Entry;
}

export interface ListBlock {
  ordered: boolean;
  range: Range;
  /** 0 for a list at the top of the document, 1 for a list inside an item, … */
  depth: number;
  items: ListItem[];
}

/** A `#fragment` link: `[x](#frag)` in Markdown or `href="#frag"` in HTML. */
export interface AnchorRef {
  kind: 'markdown' | 'html';
  /** The fragment without `#`, as written. */
  fragment: string;
  /** Where the fragment alone stands (after `#`). */
  range: Range;
}

/** An explicit anchor target: `<a name="x">` or `id="x"` in HTML. */
export interface ExplicitAnchor {
  name: string;
  range: Range;
}

/** Something the parser could not make sense of; it becomes a diagnostic. */
export interface ParseProblem {
  message: string;
  range: Range;
}

export interface SurveyDocument {
  /** Sections in document order; `parent`/`children` index into this array. */
  sections: Section[];
  lists: ListBlock[];
  entries: Entry[];
  anchors: AnchorRef[];
  explicitAnchors: ExplicitAnchor[];
  problems: ParseProblem[];
  lineCount: number;
}
