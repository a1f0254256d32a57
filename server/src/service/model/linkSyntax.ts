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
 *     [code](https://gi[thub.com/x)  a stray bracket in the url (GitHub links to it so)
 *
 * A repair is marked a guess where the text leaves it in doubt (a url cut by
 * a line break, a stray bracket that may be the defect instead): it is then
 * offered and never applied unseen. Offsets are those of the chunk text;
 * `map` turns them into ranges.
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
  /** Whether a `)` closes the url. */
  closed: boolean;
}

const LINK_START = /\[([^[\]\n]{1,100})\]([ \t]*)\(/g;

/**
 * Where the text scanned stands: an entry's links, or the rest of the file
 * (`proseLinks.ts`), where brackets and parentheses are as often plain
 * writing as a link: there only what was meant as a link is read, see
 * `meantAsLink`, and only the defects that break one are noted (no house
 * style of groups, no image, no scheme other than the web's).
 */
export type ScanScope = 'entry' | 'prose';

/** Every link-like `[label](…` between `from` and `to`, with what is wrong with each. */
export function scanLinks(text: string, from: number, to: number, map: PositionMapper, scope: ScanScope = 'entry'): { links: ScannedLink[]; issues: LinkSyntaxIssue[] } {
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
    if (scope === 'prose' && !meantAsLink(text, start, m[1]!, gap, segment.slice(open + 1, destination.end).trim(), destination.closed)) {
      LINK_START.lastIndex = open + 1;
      continue;
    }
    if (text[start - 1] === '!') {
      // An image (`![alt](src)`, a badge inside `[![alt](src)](href)`): not a link of the entry's groups, but
      // its source can be left unclosed too, which GitHub shows as a stray bracket and a broken image.
      if (!gap && !destination.closed) issues.push({ kind: 'unclosed-paren', image: true, range: map.range(start - 1, end), ...closeAt(text, open + 1, end, to, map) });
      if (!gap && destination.bracket !== undefined) issues.push(bracketInUrl(segment, open + 1, destination.end, destination.bracket, map, true));
      LINK_START.lastIndex = Math.max(end, open + 1);
      continue;
    }
    const link: ScannedLink = { start, end, label: m[1]!, url: segment.slice(open + 1, destination.end).trim(), grouped: text[start - 1] === '[', closed: destination.closed };
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
      const repair = closeAt(text, open + 1, end, to, map);
      // Outside a group, `[a](https://x.org]` is as likely a `]` typed for the `)` as a `)` left out before it.
      if (scope === 'prose' && text[end] === ']') repair.guess = true;
      issues.push({ kind: 'unclosed-paren', range: map.range(start, end), label: link.label, url: link.url, ...repair });
    } else if (destination.bracket !== undefined) {
      issues.push({ ...bracketInUrl(segment, open + 1, destination.end, destination.bracket, map), label: link.label });
    } else {
      const problem = urlProblem(link.url);
      if (problem && (scope === 'entry' || proseProblem(problem, link.url))) {
        const at = map.range(open + 1, destination.end);
        const issue: LinkSyntaxIssue = { kind: problem, range: at, url: link.url, label: link.label };
        if (problem === 'no-scheme') {
          issue.repair = { range: map.range(open + 1 + leadingSpace(segment, open + 1), open + 1 + leadingSpace(segment, open + 1)), newText: 'https://' };
        }
        issues.push(issue);
      }
    }
  }
  if (scope === 'entry') {
    misplacedBrackets(segment, from, map, issues);
    groupIssues(text, to, links, map, issues);
  }
  return { links, issues };
}

/** A web address as written by hand: `https://…` or `www.…` (a host such as `github.com/o/r` is `looksLikeHost`). */
const WEB_ADDRESS = /^(?:https?:\/\/|www\.)\S/i;

/**
 * Whether `[label](url…` (with `gap` between `]` and `(`) outside an entry
 * was meant as a link. A task box (`[x]`), a footnote mark (`[1]`, `[^1]`),
 * a date tag (`[2024/05]`), a reference (`[text][ref]`), an escaped bracket,
 * an image (a badge) and plain words in brackets and parentheses
 * (`[optional] (see below)`, `$[0,1] (x$`) are not; where the parenthesis
 * is left open or spaced off, what follows it must be a web address.
 */
function meantAsLink(text: string, start: number, label: string, gap: string, url: string, closed: boolean): boolean {
  const before = text[start - 1];
  if (before === '!' || before === ']' || before === '\\') return false;
  const mark = label.trim();
  // `[2024/05] (https://…)`: a date tag before a url in parentheses, like `[1]`, is no link text.
  if (mark === '' || mark === 'x' || mark === 'X' || mark.startsWith('^') || /^[\d./-]+$/.test(mark)) return false;
  if (gap || !closed) return WEB_ADDRESS.test(url) || looksLikeHost(url);
  return true;
}

/**
 * Which url problems break a link outside an entry: an empty url, a host
 * without its scheme, an address with a space in it. `mailto:` and other
 * schemes are fine in a contributors list, and `[note](see below)` is words.
 */
function proseProblem(problem: UrlProblem, url: string): boolean {
  if (problem === 'space-in-url') return WEB_ADDRESS.test(url);
  return problem === 'empty-url' || problem === 'no-scheme';
}

/** The `)` that closes the unclosed url from `from` at `end`: certain, or a guess (see `urlEndIsCertain`). */
function closeAt(text: string, from: number, end: number, to: number, map: PositionMapper): Pick<LinkSyntaxIssue, 'repair' | 'guess'> {
  return { repair: { range: map.range(end, end), newText: ')' }, ...(urlEndIsCertain(text, from, end, to) ? {} : { guess: true as const }) };
}

/** `(https://arxi[v.org/abs/1)`: the url between `from` and `to` holds the bracket at `bracket`; taking it out is the likely repair. */
function bracketInUrl(text: string, from: number, to: number, bracket: number, map: PositionMapper, image?: true): LinkSyntaxIssue {
  return {
    kind: 'bracket-in-url',
    range: map.range(from, to),
    url: text.slice(from, to).trim(),
    found: text[bracket]!,
    ...(image ? { image } : {}),
    repair: { range: map.range(bracket, bracket + 1), newText: '' },
    guess: true,
  };
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
function groupIssues(text: string, to: number, links: ScannedLink[], map: PositionMapper, issues: LinkSyntaxIssue[]): void {
  if (!links.some((l) => l.grouped || text[l.end] === ']')) return;
  for (const link of links) {
    const after = text[link.end];
    if (link.grouped && after !== ']') {
      if (after === '}' || after === ')' || after === '>') {
        // `[[paper](https://x.org/a))]`: the group is closed after all, and the `)` is the url's.
        const issue: LinkSyntaxIssue = { kind: 'wrong-closer', range: map.range(link.end, link.end + 1), found: after, repair: { range: map.range(link.end, link.end + 1), newText: ']' } };
        issues.push(text[link.end + 1] === ']' ? { ...issue, guess: true } : issue);
      } else {
        const issue: LinkSyntaxIssue = { kind: 'missing-close', range: map.range(link.start - 1, link.end), repair: { range: map.range(link.end, link.end), newText: ']' } };
        // Where an unclosed url ends is itself in doubt: the `]` goes after its `)`, once that is written.
        issues.push(!link.closed || urlGoesOn(text, link.end, to) || closedOnNextLine(text, link.end, to) ? { ...issue, guess: true } : issue);
      }
    } else if (!link.grouped && after === ']') {
      // `[[pap[er](url)]`: a `[` inside the label, not a missing one before it; `[⏎[label](url)]`: one before a line break.
      let before = link.start - 1;
      while (before >= 0 && /\s/.test(text[before]!)) before--;
      const glued = before === link.start - 1 && before >= 0 && text[before] !== ']';
      const issue: LinkSyntaxIssue = { kind: 'missing-open', range: map.range(link.start, link.end + 1), repair: { range: map.range(link.start, link.start), newText: '[' } };
      issues.push(glued || text[before] === '[' ? { ...issue, guess: true } : issue);
    }
  }
}

/**
 * Where the destination after `(` ends: at the `)` that closes it (nested
 * parentheses allowed, as in CommonMark), or, when none closes it before the
 * line or the group ends, at the first space, `]` or `[`. CommonMark lets a
 * url hold brackets, so a url of one word with a `[` or `]` in it is closed by
 * a `)` after them: GitHub shows that link, to a url with a stray bracket
 * (`bracket`, its offset).
 */
function readDestination(text: string, from: number, to: number): { end: number; closed: boolean; bracket?: number } {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const c = text[i]!;
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) return { end: i, closed: true };
      depth--;
    } else if (c === '[' || c === ']') {
      const close = /\s/.test(text.slice(from, i).trimStart()) ? undefined : closingParen(text, i, to, depth);
      if (close !== undefined) return { end: close, closed: true, bracket: i };
      break;
    } else if (c === '\n') break;
  }
  let end = from;
  while (end < to && !/[\s[\]]/.test(text[end]!)) end++;
  // A `)` that closed a nested `(` inside the url belongs to the url: `…/Foo_(bar)` stays whole.
  return { end, closed: false };
}

/**
 * How far past a bracket to look for the `)` of a url: longer urls are not
 * written by hand, and a line of `[a](x[a](x…` without a space would otherwise
 * be read once per link to its end.
 */
const BRACKETED_URL_LOOKAHEAD = 1_000;

/** The `)` that closes a destination of one word from `from` on, `depth` parentheses deep; undefined when a space or the end comes first. */
function closingParen(text: string, from: number, to: number, depth: number): number | undefined {
  const limit = Math.min(to, from + BRACKETED_URL_LOOKAHEAD);
  for (let i = from; i < limit; i++) {
    const c = text[i]!;
    if (c === '\\') i++;
    else if (/\s/.test(c)) return undefined;
    else if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return undefined;
}

/**
 * Whether an unclosed url (`from` to `end`) ends where its `)` belongs beyond
 * doubt: before the `]` that closes its group, a space, the next link, or the
 * end of the entry, and with no parenthesis of its own. Before a line break
 * the url may go on on the next line; before a `[` that starts no link the
 * bracket may be a stray one inside the url; and a `(` in the url may be the
 * stray one, its `)` the link's (`(https://arxiv.o(rg/abs/1)]`).
 */
function urlEndIsCertain(text: string, from: number, end: number, to: number): boolean {
  if (/[()]/.test(text.slice(from, end))) return false;
  if (end >= to) return listGoesOnAfter(text, from, to);
  const c = text[end]!;
  if (c === ']' || c === ' ' || c === '\t') return true;
  return c === '[' && startsLink(text, end);
}

/**
 * Whether the entry that holds offset `at` and ends at `to` is followed by a
 * blank line, the end of the text, or the next item of its list: not by a line
 * that a line break in a url made (`…&arnumber=17161⏎74)` starts a list of its own).
 */
function listGoesOnAfter(text: string, at: number, to: number): boolean {
  const next = /^\r?\n([^\r\n]*)/.exec(text.slice(to, to + 200));
  if (!next || next[1]!.trim() === '') return true;
  const marker = (line: string) => /^[ \t]*(?:>[ \t]*)*([-*+]|\d{1,9}([.)]))[ \t]/.exec(line);
  const lineStart = text.lastIndexOf('\n', at) + 1;
  const own = marker(text.slice(lineStart, at));
  const theirs = marker(next[1]!);
  return !!own && !!theirs && (own[2] ?? own[1]) === (theirs[2] ?? theirs[1]);
}

/** `[label](`, `[[` or `[!`: a link (or a group, or a badge) starts at `at`. */
function startsLink(text: string, at: number): boolean {
  return /^\[(?:\[|!|[^[\]\n]{1,100}\]\()/.test(text.slice(at, at + 104));
}

/** `[[code](url)⏎]`: the group's `]` stands after a line break, which a fix must not leave stray. */
function closedOnNextLine(text: string, after: number, to: number): boolean {
  let i = after;
  while (i < to && /[ \t]/.test(text[i]!)) i++;
  if (text[i] !== '\n') return false;
  do i++;
  while (i < to && /\s/.test(text[i]!));
  return text[i] === ']';
}

/**
 * Whether the text right after a link's `)` (at `after`) could be the rest of
 * its url, which a stray `)` cut short (`[[paper](https://arxiv.)org/abs/1)]`):
 * then a group's `]` does not go there beyond doubt.
 */
function urlGoesOn(text: string, after: number, to: number): boolean {
  return after < to && /^(?:[\w/%?#=&~+@:-]|[.,;](?=[\w/]))/.test(text.slice(after, Math.min(after + 2, to)));
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
