/**
 * The settings that the client, the server and the CLI agree on, with their
 * defaults. `.surveyor.json` and the `surveyor.*` VS Code settings both have
 * this shape (VS Code spells nested keys with dots: `surveyor.numbering.style`).
 */

export const SEVERITIES = ['off', 'hint', 'info', 'warning', 'error'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Stable rule codes: they appear in diagnostics, configuration and suppression comments. */
export const RULE_CODES = [
  'parse-problem',
  'list-numbering',
  'malformed-link',
  'invalid-arxiv-id',
  'arxiv-url-style',
  'duplicate-entry',
  'inconsistent-listing',
  'conflicting-identity',
  'broken-anchor',
  'toc-missing-heading',
  'missing-file',
  'entry-format',
  'venue-typo',
  'year-mismatch',
  'author-format',
  'title-mismatch',
  'author-mismatch',
  'copied-authors',
  'preprint-published',
  'copied-code-link',
] as const;
export type RuleCode = (typeof RULE_CODES)[number];

export const NUMBERING_STYLES = ['sequential', 'ones'] as const;
export type NumberingStyle = (typeof NUMBERING_STYLES)[number];

export const NUMBERING_STARTS = ['one', 'continue', 'any'] as const;
export type NumberingStart = (typeof NUMBERING_STARTS)[number];

export interface NumberingSettings {
  /** `sequential`: 1, 2, 3, …; `ones`: every item `1.` (Markdown renders them in sequence). */
  style: NumberingStyle;
  /** Where a list starts: at 1, where the previous list of the same section stopped, or anywhere. */
  start: NumberingStart;
}

/** `auto`: the form most of the survey's own arXiv links use (abs or pdf, with or without `.pdf`). */
export const ARXIV_URL_STYLES = ['auto', 'abs', 'pdf'] as const;
export type ArxivUrlStyle = (typeof ARXIV_URL_STYLES)[number];

export interface ArxivSettings {
  /** The canonical arXiv link: the abstract page or the PDF. */
  urlStyle: ArxivUrlStyle;
  /** Keep a pinned version (`v2`) in the canonical link instead of dropping it. */
  keepVersion: boolean;
  /** Ask the arXiv API for papers the snapshot and cache do not know. */
  online: boolean;
  /** Days before a cached record is fetched again (when online). */
  cacheDays: number;
  /**
   * The API endpoint. Application-scoped: only the user's own VS Code settings
   * (or the CLI's `--endpoint`) set it; `.surveyor.json` cannot redirect it.
   */
  endpoint: string;
}

export interface EntrySettings {
  /** The link labels an entry may use, compared case-insensitively. */
  linkLabels: string[];
}

export interface TaxonomyFile {
  /** The file's URI, inside `folder`. */
  file: string;
  /** The folder (a URI) of the `.surveyor.json` that names the file: once links are followed, the file must still be inside it. */
  folder: string;
}

export interface SurveyorSettings {
  rules: Record<RuleCode, Severity>;
  numbering: NumberingSettings;
  arxiv: ArxivSettings;
  entry: EntrySettings;
  /** Venue names known on top of the shipped `data/venues.json`. */
  venues: string[];
  /** A category tree replacing `data/taxonomy.json` (named by `.surveyor.json`), or null. */
  taxonomy: TaxonomyFile | null;
  /** Code lenses on headings ("12 papers · 9 with code"). */
  codeLens: boolean;
  /** Files larger than this many megabytes (of text) are not checked: one problem says so. */
  maxFileSize: number;
  /** Globs (matched case-insensitively against the path) of the files that are surveys. */
  files: string[];
}

export const DEFAULT_RULE_SEVERITIES: Readonly<Record<RuleCode, Severity>> = {
  'parse-problem': 'warning',
  'list-numbering': 'warning',
  'malformed-link': 'warning',
  'invalid-arxiv-id': 'warning',
  'arxiv-url-style': 'hint',
  'duplicate-entry': 'warning',
  'inconsistent-listing': 'info',
  'conflicting-identity': 'warning',
  'broken-anchor': 'warning',
  'toc-missing-heading': 'hint',
  'missing-file': 'warning',
  'entry-format': 'warning',
  'venue-typo': 'warning',
  'year-mismatch': 'warning',
  'author-format': 'warning',
  'title-mismatch': 'info',
  'author-mismatch': 'info',
  'copied-authors': 'hint',
  'preprint-published': 'info',
  'copied-code-link': 'hint',
};

export const DEFAULT_ARXIV_ENDPOINT = 'https://export.arxiv.org/api/query';

export const DEFAULT_LINK_LABELS: readonly string[] = ['paper', 'code', 'project', 'website', 'dataset', 'demo', 'slides', 'video', 'blog'];

export function defaultSettings(): SurveyorSettings {
  return {
    rules: { ...DEFAULT_RULE_SEVERITIES },
    numbering: { style: 'sequential', start: 'one' },
    arxiv: { urlStyle: 'auto', keepVersion: false, online: true, cacheDays: 30, endpoint: DEFAULT_ARXIV_ENDPOINT },
    entry: { linkLabels: [...DEFAULT_LINK_LABELS] },
    venues: [],
    taxonomy: null,
    codeLens: true,
    maxFileSize: 10,
    files: ['**/README.md'],
  };
}

/**
 * The `surveyor.*` keys of the VS Code settings that mirror `.surveyor.json`
 * (nested keys spelled with dots); the client forwards those the user set.
 */
export const SETTING_KEYS = [
  'rules',
  'numbering.style',
  'numbering.start',
  'arxiv.urlStyle',
  'arxiv.keepVersion',
  'arxiv.online',
  'arxiv.cacheDays',
  'arxiv.endpoint',
  'entry.linkLabels',
  'venues',
  'codeLens',
  'maxFileSize',
  'files',
] as const;

/** Keys the client forwards from the user's own settings only (never a workspace's): they name where data is sent. */
export const APPLICATION_SETTING_KEYS: readonly string[] = ['arxiv.endpoint'];

/** One line on what each rule finds: shown in the settings UI and the schema (both checked against this by a test). */
export const RULE_DESCRIPTIONS: Readonly<Record<RuleCode, string>> = {
  'parse-problem': 'Parts of the file Surveyor cannot read (for example a binary file), and unknown rule codes in suppression comments.',
  'list-numbering': 'Ordered lists whose numbers skip, repeat or start wrong.',
  'malformed-link': 'Broken links anywhere in the file: [[label](url)] groups with wrong or missing brackets, a space before "(", unclosed parentheses, empty or malformed urls.',
  'invalid-arxiv-id': 'arXiv links whose id cannot exist.',
  'arxiv-url-style': "arXiv links not in the survey's own form, or the one arxiv.urlStyle names (arxiv.keepVersion).",
  'duplicate-entry': 'The same paper listed twice in one section.',
  'inconsistent-listing': 'Listings of one paper in several sections that disagree (title, authors, venue, year, links).',
  'conflicting-identity': 'One title with two arXiv ids, or one arXiv id with clearly different titles.',
  'broken-anchor': 'In-page #fragment links (Markdown or HTML) that match no heading or anchor.',
  'toc-missing-heading': 'Headings the table of contents does not link to.',
  'missing-file': 'Links and images to files of the repository (./images/cite.txt, PROMPT.md) that do not exist (where a file system is at hand).',
  'entry-format': 'Entries lacking what the entries of their list carry (authors, year, paper link), and link labels one slip from a label the survey uses.',
  'venue-typo': 'Venues one or two edits away from a known venue.',
  'year-mismatch': 'Entries dated before their arXiv id was issued (its year, or its month for a date with a month).',
  'author-format': 'BibTeX escapes in author names, and author lists not in italics.',
  'title-mismatch': "Entries whose title differs from arXiv's (only where arXiv metadata is known).",  'author-mismatch': "Entries whose first author is not among arXiv's authors of the paper they link (only where arXiv metadata is known).",
  'copied-authors': 'Adjacent entries with the same author list but different papers: often a line copied and not edited.',
  'preprint-published': 'Entries listed as arXiv preprints whose arXiv record names the venue they were published in (journal reference or DOI).',
  'copied-code-link': "Entries of different papers with the same code link, or a code link into another paper's repository.",
};

/** The name of the repository configuration file, read by the server and the CLI alike. */
export const CONFIG_FILE_NAME = '.surveyor.json';
