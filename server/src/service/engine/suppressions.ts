import type { Range } from 'vscode-languageserver-types';
import { comparePositions } from '../model/positions';
import type { SuppressionComment } from '../model/types';

/**
 * Whether a finding is silenced by a comment: `surveyor-disable-next-line`
 * on the line before it, or a `surveyor-disable` above it with no
 * `surveyor-enable` in between. A comment without codes covers every rule.
 */
export function isSuppressed(code: string, range: Range, comments: readonly SuppressionComment[]): boolean {
  let disabled = false;
  for (const comment of comments) {
    if (comparePositions(comment.range.end, range.start) > 0) break;
    const applies = comment.codes.length === 0 || comment.codes.includes(code);
    if (!applies) continue;
    if (comment.kind === 'disable-next-line') {
      if (comment.range.end.line + 1 === range.start.line) return true;
    } else {
      disabled = comment.kind === 'disable';
    }
  }
  return disabled;
}
