import type { LinkSyntaxIssue } from '../model/types';
import { entryRule } from './entryRule';
import type { Fix } from '../engine/rule';

/**
 * `malformed-link`: broken `[[label](url)]` groups in an entry. GitHub shows
 * them as stray brackets or plain text, so the link is lost to the reader.
 * The parser finds them (`model/linkSyntax.ts`); this rule words them and
 * offers the repair where the text makes it certain.
 */
export const malformedLink = entryRule('malformed-link', (entry) =>
  entry.linkIssues.map((issue) => ({ range: issue.range, message: messageFor(issue), fixes: fixesFor(issue) })),
);

function messageFor(issue: LinkSyntaxIssue): string {
  switch (issue.kind) {
    case 'wrong-closer':
      return `Link group closed with "${issue.found}": expected "]" to match the "[" that opens "[[".`;
    case 'missing-close':
      return 'Link group "[[label](url)" is not closed: expected "]" after the link.';
    case 'misplaced-bracket':
      return 'Link group written "[[label]](url)": the "]" that closes the group belongs after the url, "[[label](url)]".';
    case 'missing-open':
      return 'Link group has no opening bracket: expected "[" before "[label](url)]".';
    case 'space-before-paren':
      return 'Space between "]" and "(": Markdown does not read "[label] (url)" as a link; expected "[label](url)".';
    case 'unclosed-paren':
      return 'Link url is not closed: expected ")" after the url.';
    case 'empty-url':
      return 'Link has an empty url: expected the address of the page it names.';
    case 'space-in-url':
      return `Link url "${issue.url}" contains spaces, so Markdown does not read it as a link: expected one address without spaces (write a space as %20).`;
    case 'no-scheme':
      return `Link url "${issue.url}" has no scheme: expected it to start with https:// (GitHub reads it as a path in the repository).`;
    case 'bad-scheme':
      return `Link url "${issue.url}" is not a web address: expected http:// or https://.`;
  }
}

const FIX_TITLES: Partial<Record<LinkSyntaxIssue['kind'], string>> = {
  'wrong-closer': 'Change to "]"',
  'missing-close': 'Close the link group with "]"',
  'missing-open': 'Open the link group with "["',
  'misplaced-bracket': 'Move "]" after the url',
  'space-before-paren': 'Remove the space before "("',
  'unclosed-paren': 'Close the url with ")"',
  'no-scheme': 'Add "https://"',
};

function fixesFor(issue: LinkSyntaxIssue): Fix[] {
  const title = FIX_TITLES[issue.kind];
  if (!issue.repair || !title) return [];
  // Adding a scheme guesses https over http; every other repair is the one bracket the text is missing.
  return [{ title, edits: [issue.repair], safe: issue.kind !== 'no-scheme', isPreferred: true }];
}
