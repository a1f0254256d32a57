/** One finding as the CLI reports it, in every format. */

export interface CliFinding {
  file: string;
  /** 1-based, like editors and GitHub show them; columns count UTF-16 code units, as LSP and SARIF do. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: 'error' | 'warning' | 'info' | 'hint';
  code: string;
  message: string;
  /** With --changed-since: whether the finding is on a line changed since that commit (such findings come first). */
  changed?: boolean;
}
