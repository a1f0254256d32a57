import type { Entry, LinkSyntaxIssue } from '../model/types';
import type { ChunkRule, Fix, RuleFinding } from '../engine/rule';

/**
 * `malformed-link`: broken `[[label](url)]` groups in an entry, and broken
 * links anywhere else in the file (a news bullet, a table cell, a
 * paragraph). GitHub shows them as stray brackets or plain text, so the link
 * is lost to the reader. The parser finds them (`model/linkSyntax.ts`,
 * `model/proseLinks.ts`); this rule words them and offers the repair where
 * the text makes it certain.
 */
export const malformedLink: ChunkRule = {
  scope: 'chunk',
  code: 'malformed-link',
  check(chunk) {
    const bracketStyle = houseBracketStyle(chunk.entries);
    const grouped = chunk.entries.filter((e) => e.linkGroups).length;
    const findings: RuleFinding[] = [];
    for (const entry of chunk.entries) {
      // `[[paper](url)` where the section writes `[paper](url)`: the `[` is as likely a stray one as the `]` missing.
      const othersGrouped = grouped - (entry.linkGroups ? 1 : 0);
      const groupsInDoubt = chunk.entries.length - 1 - othersGrouped > othersGrouped;
      for (const issue of entry.linkIssues) {
        if (issue.kind === 'misplaced-bracket') {
          // `[[pdf]](url)` renders as one link reading "[pdf]": a house style, not a broken link.
          if (bracketStyle === 'outside') continue;
          findings.push({ range: issue.range, message: MIXED_BRACKETS, fixes: fixesFor(issue, false), atMost: 'hint' });
          continue;
        }
        // Closing a badge's image url shows the image, which may be another repository's badge: offered, not applied unseen.
        findings.push(findingFor(issue, !issue.image && !(groupsInDoubt && GROUP_REPAIRS.has(issue.kind))));
      }
    }
    // Outside the entries there are no groups, and no images (`linkSyntax.ts` reads neither there).
    // An empty url there is a page not written yet (a note list's skeleton, a "Demo" to come): a hint, whatever its label.
    // Every repair there is offered, never applied unseen: prose gives no list of like entries to be sure by. `[ref] (url)`
    // may be a reference link defined in another section (removing the space would change where it leads), and where an
    // unclosed url ends is a guess once words follow it (`[site](https://x.org. Thanks.`).
    for (const issue of chunk.proseLinkIssues ?? []) findings.push(findingFor(issue, false, true));
    return findings;
  },
};

/** The finding for a link issue whose repair (if it has a certain one) may be applied unseen where `maySafelyFix` says so. */
function findingFor(issue: LinkSyntaxIssue, maySafelyFix: boolean, emptyIsPlaceholder = false): RuleFinding {
  const placeholder = issue.kind === 'empty-url' && (emptyIsPlaceholder ? !!issue.label : isPlaceholder(issue.label));
  return {
    range: issue.range,
    message: placeholder ? `Link "${issue.label}" has no url yet: GitHub shows it as a link that leads nowhere.` : messageFor(issue),
    fixes: fixesFor(issue, maySafelyFix && issue.kind !== 'no-scheme' && !issue.guess),
    ...(placeholder ? { atMost: 'hint' as const } : {}),
  };
}

/** Repairs that complete a `[[label](url)]` group, certain only where the section writes its links in groups. */
const GROUP_REPAIRS = new Set<LinkSyntaxIssue['kind']>(['missing-close', 'missing-open']);

const MIXED_BRACKETS =
  'Link written "[[label]](url)" where this section mostly writes "[[label](url)]": both render, one as "[label]" and one as "label".';

/**
 * How the section's entries write a bracketed link: `[[pdf](url)]` (the
 * group around the link) or `[[pdf]](url)` (brackets in the link text).
 * Where most write the second, it is the house style.
 */
function houseBracketStyle(entries: readonly Entry[]): 'around' | 'outside' {
  let outside = 0;
  let around = 0;
  for (const entry of entries) {
    if (entry.linkIssues.some((i) => i.kind === 'misplaced-bracket')) outside++;
    else if (entry.linkGroups) around++;
  }
  return outside > around ? 'outside' : 'around';
}

/** `[Coming soon]()`: a link kept for a page that does not exist yet. */
function isPlaceholder(label: string | undefined): boolean {
  return !!label && /\b(?:soon|tbd|todo|to be|release[ds]?|upcoming|wip|n\/a)\b/i.test(label);
}

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
    case 'bracket-in-url':
      return `Link url "${issue.url}" contains "${issue.found}": a stray bracket most likely, so the link leads to the wrong address; expected the url without it.`;
    case 'empty-url':
      return 'Link has an empty url: expected the address of the page it names.';
    case 'space-in-url':
      // `[paper](ACM Comput. Surv)`: words pasted where the address belongs, not an address with a space in it.
      return /[/:]/.test(issue.url ?? '')
        ? `Link url "${issue.url}" contains spaces, so Markdown does not read it as a link: expected one address without spaces (write a space as %20).`
        : `Link target "${issue.url}" is not an address, so Markdown does not read it as a link: expected the url of the page it names.`;
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
  'bracket-in-url': 'Remove the stray bracket from the url',
  'no-scheme': 'Add "https://"',
};

/** `safe` is false for what needs judgement: a scheme (https over http), a house style, a repair the text leaves in doubt. */
function fixesFor(issue: LinkSyntaxIssue, safe: boolean): Fix[] {
  const title = FIX_TITLES[issue.kind];
  if (!issue.repair || !title) return [];
  return [{ title, edits: [issue.repair], safe, isPreferred: true }];
}
