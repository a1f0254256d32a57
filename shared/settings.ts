/**
 * The settings that the client, the server and the CLI agree on, with their
 * defaults. `.surveyor.json` and the `surveyor.*` VS Code settings both have
 * this shape (VS Code spells nested keys with dots: `surveyor.numbering.style`).
 */

export const SEVERITIES = ['off', 'hint', 'info', 'warning', 'error'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Stable rule codes: they appear in diagnostics, configuration and suppression comments. */
export const RULE_CODES = ['list-numbering', 'parse-problem'] as const;
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

export interface SurveyorSettings {
  rules: Record<RuleCode, Severity>;
  numbering: NumberingSettings;
  /** Globs (matched case-insensitively against the path) of the files that are surveys. */
  files: string[];
}

export const DEFAULT_RULE_SEVERITIES: Readonly<Record<RuleCode, Severity>> = {
  'list-numbering': 'warning',
  'parse-problem': 'warning',
};

export function defaultSettings(): SurveyorSettings {
  return {
    rules: { ...DEFAULT_RULE_SEVERITIES },
    numbering: { style: 'sequential', start: 'one' },
    files: ['**/README.md'],
  };
}

/** The name of the repository configuration file, read by the server and the CLI alike. */
export const CONFIG_FILE_NAME = '.surveyor.json';
