/** Settings and a category tree are small: a JSON file of a repository's that is larger is refused, not read. */
export const MAX_JSON_FILE_BYTES = 1024 * 1024;

/**
 * Parses the text of a repository's JSON file. A syntax error is told by line
 * and column, never by the text around it: the file may be a link to
 * anything, and its content is not for a warning message.
 */
export function parseJsonText(text: string): { value: unknown } | { problem: string } {
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { problem: `not valid JSON${whereJsonFails(error, text)}` };
  }
}

/** " (line L, column C)" when the parser says where it failed. */
function whereJsonFails(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : '';
  const position = /\bposition (\d+)/.exec(message);
  const offset = position ? Number(position[1]) : /^Unexpected end of JSON/.test(message) ? text.length : undefined;
  if (offset === undefined) return '';
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return ` (line ${line}, column ${offset - before.lastIndexOf('\n')})`;
}
