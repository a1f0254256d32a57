import type { Range, TextEdit } from 'vscode-languageserver-types';

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
  /** Marked `<!-- omit in toc -->` (or `omit from toc`): not expected in the table of contents. */
  omitInToc?: true;
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
  /** The link's text is an image: a badge (`[![stars](…)](repo)`), never the paper link. */
  image?: true;
  /** The link is the entry's title (`[**Title**](url)`): then it is the paper link. */
  title?: true;
}

export interface ArxivRef {
  /** Normalised id without version: `2401.15422`, `hep-th/9901001`. */
  id: string;
  /** The version the link pins, e.g. 2 for `v2`. */
  version?: number;
  /** Where the url that names it stands. */
  range: Range;
}

/** Broken link syntax in an entry's `[[label](url)]` groups, or elsewhere in the file (see `linkSyntax.ts`). */
export interface LinkSyntaxIssue {
  kind:
    | 'wrong-closer'
    | 'missing-close'
    | 'missing-open'
    | 'misplaced-bracket'
    | 'space-before-paren'
    | 'unclosed-paren'
    | 'bracket-in-url'
    | 'empty-url'
    | 'space-in-url'
    | 'no-scheme'
    | 'bad-scheme';
  range: Range;
  /** The character found where `]` belongs (`wrong-closer`). */
  found?: string;
  /** The url as written (url problems). */
  url?: string;
  /** The link text as written (url problems). */
  label?: string;
  /** The problem is in an image (`![alt](src`), usually a badge. */
  image?: true;
  /** The one edit that repairs it, when the text shows where it goes. */
  repair?: TextEdit;
  /** The repair is the likely one, not a certain one (offered, never applied unseen). */
  guess?: true;
}

/** One list item that is a paper. */
export interface Entry {
  range: Range;
  title?: Span;
  authors?: Span;
  /** `italic` for `_Authors_`; `plain` for an author list recognised without emphasis (`Luo, X. et al.`). */
  authorsStyle?: 'italic' | 'plain';
  venue?: Span;
  year?: Span & { value: number };
  /**
   * The entry's date where it is written with a month (`[2023/05]`, `[2024-05]`, `2023.05`, a Date
   * column's `2023-06-23`): the whole date as written. Its year is the one `year` holds.
   */
  date?: Span & { year: number; month: number };
  /** The links remark reads; a link with broken syntax is not among them but in `linkIssues`. */
  links: Link[];
  linkIssues: LinkSyntaxIssue[];
  /** The author list's emphasis is broken (`*Lee et al. *arXiv`): its marks show, and it is not read as authors. */
  brokenEmphasis?: true;
  /** A row of a table of papers (its columns say which links it has, not its author). */
  row?: true;
  /** How many links are written as `[[label](url)]` groups (the house style checks compare entries by it). */
  linkGroups?: number;
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
  /**
   * The "list" is a Markdown table of papers (`| Title | Venue | Date | … |`,
   * see `parseTable.ts`): each body row is an item (marker `|`, never
   * numbered) and its entry. Absent for a real list.
   */
  table?: true;
}

/** A `#fragment` link: `[x](#frag)` in Markdown or `href="#frag"` in HTML. */
export interface AnchorRef {
  kind: 'markdown' | 'html';
  /** The fragment without `#`, as written. */
  fragment: string;
  /** Where the fragment alone stands (after `#`). */
  range: Range;
  /** The link text (`Top-K Selection`), when it is plain enough to read. */
  label?: string;
}

/** An explicit anchor target: `<a name="x">` or `id="x"` in HTML. */
export interface ExplicitAnchor {
  name: string;
  range: Range;
}

/**
 * `<!-- surveyor-disable-next-line CODE… -->`, `<!-- surveyor-disable CODE… -->`
 * or `<!-- surveyor-enable CODE… -->`; no codes means every rule.
 */
export interface SuppressionComment {
  kind: 'disable-next-line' | 'disable' | 'enable';
  codes: string[];
  range: Range;
}

/** A link or image whose target is a path in the repository, not a web address. */
export interface FileLink {
  /** The path as GitHub resolves it: percent-decoded, without `#fragment` or `?query`. */
  path: string;
  /** Where the target stands. */
  range: Range;
}

/** Something the parser could not make sense of; it becomes a diagnostic. */
export interface ParseProblem {
  message: string;
  range: Range;
}

/**
 * Everything a document holds but its lists: few objects, so it is put
 * together on every keystroke (the whole-document rules read it).
 */
export interface SurveyOutline {
  /** Sections in document order; `parent`/`children` index into this array. */
  sections: Section[];
  anchors: AnchorRef[];
  explicitAnchors: ExplicitAnchor[];
  suppressions: SuppressionComment[];
  /** Links and images to files of the repository (`./images/cite.txt`, `PROMPT.md`), anywhere in the document. */
  fileLinks: FileLink[];
  /** Broken link syntax outside the entries: bullets that are not papers, paragraphs, headings, table cells (see `proseLinks.ts`). Absent where there is none. */
  proseLinkIssues?: LinkSyntaxIssue[];
  problems: ParseProblem[];
  lineCount: number;
}

export interface SurveyDocument extends SurveyOutline {
  lists: ListBlock[];
  entries: Entry[];
}
