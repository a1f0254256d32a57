import type { PositionMapper } from './positions';
import type { LinkSyntaxIssue } from './types';

/**
 * Reads the `[[label](url)]` groups of an entry from its raw text, the way a
 * person sees them, and notes where the syntax is broken. remark drops a
 * broken link silently (it becomes plain text), so the broken cases can only
 * be seen here:
 *
 *     [[code](url)}      closed by the wrong character
 *     [[code]](url)      `]` before the url instead of after it
 *     [[code](url)       missing `]`          [code](url)]   missing `[`
 *     [code] (url)       space before `(`     [code](url     unclosed `(`
 *     [code]()           empty url            [code](a b)    spaces in the url
 *     [code](github.com/x)  no scheme         [code](ftp://x)  not http(s)
 *
 * Offsets are those of the chunk text; `map` turns them into ranges.
 */
export interface ScannedLink {
  /** Offset of the `[` that opens the label. */
  start: number;
  /** Offset after the `)` (or after the url when `(` is never closed). */
  end: number;
  label: string;
  url: string;
  /** Whether a `[` stands right before the label: the `[[label](url)]` group style. */
  grouped: boolean;
}

const LINK_START = /\[([^[\]\n]{1,100})\]([ \t]*)\(/g;

/** Every link-like `[label](…` between `from` and `to`, with what is wrong with each. */
export function scanLinks(text: string, from: number, to: number, map: PositionMapper): { links: ScannedLink[]; issues: LinkSyntaxIssue[] } {
  const links: ScannedLink[] = [];
  const issues: LinkSyntaxIssue[] = [];
  const segment = text.slice(0, to);
  LINK_START.lastIndex = from;
  for (let m = LINK_START.exec(segment); m; m = LINK_START.exec(segment)) {
    const start = m.index;
    const gap = m[2]!;
    const open = start + m[0].length - 1; // the `(`
    const destination = readDestination(segment, open + 1, to);
    const end = destination.closed ? destination.end + 1 : destination.end;
    if (text[start - 1] === '!') {
      // An image (`![alt](src)`, a badge inside `[![alt](src)](href)`): not a link of the entry's groups, but
      // its source can be left unclosed too, which GitHub shows as a stray bracket and a broken image.
      if (!gap && !destination.closed) issues.push({ kind: 'unclosed-paren', image: true, range: map.range(start - 1, end), repair: { range: map.range(end, end), newText: ')' } });
      LINK_START.lastIndex = Math.max(end, open + 1);
      continue;
    }
    const link: ScannedLink = { start, end, label: m[1]!, url: segment.slice(open + 1, destination.end).trim(), grouped: text[start - 1] === '[' };
    links.push(link);
    LINK_START.lastIndex = Math.max(end, open + 1);

    if (gap) {
      issues.push({
        kind: 'space-before-paren',
        range: map.range(start, end),
        label: link.label,
        url: link.url,
        repair: { range: map.range(open - gap.length, open), newText: '' },
      });
    }
    if (!destination.closed) {
      issues.push({ kind: 'unclosed-paren', range: map.range(start, end), label: link.label, url: link.url, repair: { range: map.range(end, end), newText: ')' } });
    } else {
      const problem = urlProblem(link.url);
      if (problem) {
        const at = map.range(open + 1, destination.end);
        const issue: LinkSyntaxIssue = { kind: problem, range: at, url: link.url, label: link.label };
        if (problem === 'no-scheme') {
          issue.repair = { range: map.range(open + 1 + leadingSpace(segment, open + 1), open + 1 + leadingSpace(segment, open + 1)), newText: 'https://' };
        }
        issues.push(issue);
      }
    }
  }
  misplacedBrackets(segment, from, map, issues);
  groupIssues(text, links, map, issues);
  return { links, issues };
}

/** `[[paper]](url)`: the group's `]` written before the url instead of after it. */
function misplacedBrackets(text: string, from: number, map: PositionMapper, issues: LinkSyntaxIssue[]): void {
  const pattern = /\[\[([^[\]\n]{1,100})\]\]\(/g;
  pattern.lastIndex = from;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const open = m.index + m[0].length - 1;
    const destination = readDestination(text, open + 1, text.length);
    if (!destination.closed) continue;
    const url = text.slice(open + 1, destination.end);
    issues.push({
      kind: 'misplaced-bracket',
      range: map.range(m.index, destination.end + 1),
      repair: { range: map.range(m.index, destination.end + 1), newText: `[[${m[1]}](${url})]` },
    });
  }
}

/**
 * An entry that writes its links as `[[label](url)]` groups should write all
 * of them so; a group opened and not closed, or closed and not opened, is
 * reported with the bracket that repairs it.
 */
function groupIssues(text: string, links: ScannedLink[], map: PositionMapper, issues: LinkSyntaxIssue[]): void {
  if (!links.some((l) => l.grouped || text[l.end] === ']')) return;
  for (const link of links) {
    const after = text[link.end];
    if (link.grouped && after !== ']') {
      if (after === '}' || after === ')' || after === '>') {
        issues.push({ kind: 'wrong-closer', range: map.range(link.end, link.end + 1), found: after, repair: { range: map.range(link.end, link.end + 1), newText: ']' } });
      } else {
        issues.push({ kind: 'missing-close', range: map.range(link.start - 1, link.end), repair: { range: map.range(link.end, link.end), newText: ']' } });
      }
    } else if (!link.grouped && after === ']') {
      issues.push({ kind: 'missing-open', range: map.range(link.start, link.end + 1), repair: { range: map.range(link.start, link.start), newText: '[' } });
    }
  }
}

/**
 * Where the destination after `(` ends: at the `)` that closes it (nested
 * parentheses allowed, as in CommonMark), or, when none closes it before the
 * line or the group ends, at the first space, `]` or `[`.
 */
function readDestination(text: string, from: number, to: number): { end: number; closed: boolean } {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const c = text[i]!;
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) return { end: i, closed: true };
      depth--;
    } else if (c === '\n' || c === '[' || c === ']') break;
  }
  let end = from;
  while (end < to && !/[\s[\]]/.test(text[end]!)) end++;
  // A `)` that closed a nested `(` inside the url belongs to the url: `…/Foo_(bar)` stays whole.
  return { end, closed: false };
}

type UrlProblem = 'empty-url' | 'space-in-url' | 'no-scheme' | 'bad-scheme';

function urlProblem(url: string): UrlProblem | undefined {
  if (url === '' || url === '<>') return 'empty-url';
  if (url.startsWith('#')) return undefined;
  if (/\s/.test(url) && !/^\S+\s+(?:"[^"]*"|'[^']*'|\([^)]*\))$/.test(url) && !/^<[^>]*>$/.test(url)) return 'space-in-url';
  const bare = url.replace(/^<|>$/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(bare);
  // Without a scheme, `github.com/o/r` is a web address missing https://; `./images/cite.txt` and
  // `PROMPT.md` are links to files of the repository, which GitHub resolves, and are fine here.
  if (!scheme) return looksLikeHost(bare) ? 'no-scheme' : undefined;
  if (!/^https?$/i.test(scheme[1]!)) return 'bad-scheme';
  return undefined;
}

/** Top-level domains common in survey links; a file name's extension (`.md`, `.txt`, `.pdf`) is not among them. */
const TLD = /^(?:com|org|net|io|ai|edu|gov|dev|app|co|me|info|cn|uk|de|jp|fr|kr|in|ca|au|eu|ch|nl|cc|tech|xyz|site|page|ly|so|us|tw|hk|sg)$/i;

/** Whether a url without a scheme starts with a host name: `www.x.y`, or `name.tld` followed by a path or nothing. */
export function looksLikeHost(url: string): boolean {
  const host = /^([\w-]+(?:\.[\w-]+)+)(?:[/?#:]|$)/.exec(url)?.[1];
  if (!host) return false;
  return /^www\./i.test(host) || TLD.test(host.slice(host.lastIndexOf('.') + 1));
}

function leadingSpace(text: string, at: number): number {
  let n = 0;
  while (text[at + n] === ' ' || text[at + n] === '\t') n++;
  return n;
}
