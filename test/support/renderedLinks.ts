import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { parseArxivUrl } from '../../server/src/service/model/arxivId';

/**
 * The links and images GitHub renders from a Markdown file, read from a
 * CommonMark + GFM rendering (micromark with its GFM extension; raw HTML
 * passed through, as GitHub does), and a comparison of two renderings: what a
 * fix must keep.
 */

export interface RenderedLink {
  kind: 'link' | 'image';
  /** `href` of a link, `src` of an image, entities decoded. */
  url: string;
  /** A link's text content (tags stripped, images shown as `![alt]`, whitespace collapsed); an image's `alt`. */
  text: string;
}

export interface Rendering {
  source: string;
  links: RenderedLink[];
  /** `id` and `name` attributes of the rendering (raw HTML anchors such as `<a name="top">`). */
  explicitAnchors: Set<string>;
}

const OPTIONS = { extensions: [gfm()], htmlExtensions: [gfmHtml()], allowDangerousHtml: true };

/** One render of `source` (the only expensive step: call it once per version). */
export function render(source: string): Rendering {
  const html = micromark(source, OPTIONS);
  return { source, ...extract(html) };
}

/**
 * The blocks (runs of lines between blank lines) that hold a changed line,
 * rendered before and after: safe fixes change a few characters of a few
 * lines and never the line count, and a link lies within its block, so this
 * compares what a whole render would at a fraction of its cost. Both sides
 * are cut alike, so what a cut changes (a fence or a reference definition in
 * another block) changes both. Undefined when the line count changed: render
 * the whole texts then.
 */
export function renderChangedBlocks(before: string, after: string): [Rendering, Rendering] | undefined {
  const a = before.split('\n');
  const b = after.split('\n');
  if (a.length !== b.length) return undefined;
  const blocks: [number, number][] = [];
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    let start = i;
    while (start > 0 && a[start - 1]!.trim() !== '') start--;
    let end = i;
    while (end + 1 < a.length && a[end + 1]!.trim() !== '') end++;
    const last = blocks[blocks.length - 1];
    if (last && start <= last[1] + 1) last[1] = Math.max(last[1], end);
    else blocks.push([start, end]);
    i = end;
  }
  const cut = (lines: string[]) => blocks.map(([s, e]) => lines.slice(s, e + 1).join('\n')).join('\n\n');
  return [render(cut(a)), render(cut(b))];
}

/** Anything GitHub does not render as a tag: comments (an unclosed one runs to the end). */
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
/** A start tag (quoted attribute values may hold `>`) or an end tag. */
const TAG = /<([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])((?:[^>"']|"[^"]*"|'[^']*')*)>|<\/([A-Za-z][A-Za-z0-9-]*)\s*>/g;
const ATTRIBUTE = /([^\s"'=<>\/`]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/**
 * Every `<a href>` (with its text) and `<img src>` of micromark's output, raw
 * HTML included, in document order. micromark escapes `<` in text and code,
 * so every `<` that starts a tag here is a real tag.
 */
export function extract(html: string): { links: RenderedLink[]; explicitAnchors: Set<string> } {
  html = html.replace(COMMENT, '');
  const links: RenderedLink[] = [];
  const explicitAnchors = new Set<string>();
  /** The link whose text is being read, and where its text starts. */
  let open: { link: RenderedLink; from: number } | undefined;
  const close = (at: number) => {
    if (!open) return;
    open.link.text = textContent(html.slice(open.from, at));
    open = undefined;
  };
  for (const m of html.matchAll(TAG)) {
    const at = m.index!;
    if (m[3] !== undefined) {
      if (m[3].toLowerCase() === 'a') close(at);
      continue;
    }
    const name = m[1]!.toLowerCase();
    if (m[2]!.trim() === '') {
      if (name === 'a') close(at);
      continue;
    }
    const attributes = parseAttributes(m[2]!);
    for (const anchor of ['id', 'name']) if (attributes.has(anchor)) explicitAnchors.add(attributes.get(anchor)!);
    if (name === 'img') {
      if (attributes.has('src')) links.push({ kind: 'image', url: attributes.get('src')!, text: collapse(attributes.get('alt') ?? '') });
    } else if (name === 'a') {
      // An <a> inside an open <a> ends it (browsers do the same).
      close(at);
      if (!attributes.has('href')) continue;
      const link: RenderedLink = { kind: 'link', url: attributes.get('href')!, text: '' };
      links.push(link);
      open = { link, from: at + m[0].length };
    }
  }
  close(html.length);
  return { links, explicitAnchors };
}

function parseAttributes(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const m of source.matchAll(ATTRIBUTE)) {
    const name = m[1]!.toLowerCase();
    if (!attributes.has(name)) attributes.set(name, decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return attributes;
}

function textContent(inner: string): string {
  const text = inner.replace(TAG, (tag) => {
    if (!/^<img[\s/>]/i.test(tag)) return '';
    return `![${parseAttributes(tag.slice(4, -1)).get('alt') ?? ''}]`;
  });
  return collapse(decodeEntities(text));
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009', ndash: '–', mdash: '—', hellip: '…', copy: '©', reg: '®', trade: '™', middot: '·', bull: '•', laquo: '«', raquo: '»' };

/** Numeric references and the common named ones; an unknown name is left as written (the same on both sides of a comparison). */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g, (whole, dec: string, hex: string, name: string) => {
    if (name !== undefined) return NAMED[name] ?? whole;
    const code = dec !== undefined ? Number(dec) : parseInt(hex, 16);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
  });
}

export interface CompareOptions {
  /** Heading anchors of the document before the fixes (computed only when a fragment differs). */
  anchorsBefore: () => ReadonlySet<string>;
  /** Heading anchors of the fixed document. */
  anchorsAfter: () => ReadonlySet<string>;
  /** How many differences to describe in full. */
  limit?: number;
  /** Whether an added link brings back one the uncorrupted text renders (fixing a corrupted copy): then it is a repair, not a difference. */
  restored?: (link: RenderedLink) => boolean;
}

/**
 * The differences between the links and images of two renderings, as
 * readable strings (empty when the fix kept them all). Compared as sequences:
 * a link dropped or added is a difference (unless `restored` says the added
 * one is a repair). Equal besides identical: two links naming the same arXiv
 * id (any url form, version ignored), and a `#fragment` that led nowhere
 * changed to a heading anchor of the fixed document.
 */
export function compareRenderings(before: Rendering, after: Rendering, options: CompareOptions): string[] {
  const a = before.links;
  const b = after.links;
  let slugsBefore: ReadonlySet<string> | undefined;
  let slugsAfter: ReadonlySet<string> | undefined;
  const repairedFragment = (x: string, y: string) => {
    if (!x.startsWith('#') || !y.startsWith('#')) return false;
    const from = decodeFragment(x);
    const to = decodeFragment(y);
    slugsBefore ??= options.anchorsBefore();
    slugsAfter ??= options.anchorsAfter();
    const ledSomewhere = slugsBefore.has(from) || before.explicitAnchors.has(from);
    return !ledSomewhere && slugsAfter.has(to);
  };
  // The abstract page or the PDF, on any of arXiv's own hosts: a rendered page (`/html/`, ar5iv) is another thing to link to.
  const ARXIV_PAGE = /^https?:\/\/(?:(?:www|export|browse|web3)\.)?arxiv\.org\/(?:abs|pdf)\//i;
  const sameArxiv = (written: string, rewritten: string) => {
    // As a browser follows it: `https:///arxiv.org/…` leads to arxiv.org too.
    const [x, y] = [written, rewritten].map(followed);
    if (!ARXIV_PAGE.test(x!) || !ARXIV_PAGE.test(y!)) return false;
    const p = parseArxivUrl(x!);
    return p !== undefined && p.id === parseArxivUrl(y!)?.id;
  };
  const same = (x: RenderedLink | undefined, y: RenderedLink | undefined): boolean => {
    if (!x || !y || x.kind !== y.kind) return false;
    if (x.url === y.url && x.text === y.text) return true;
    if (x.kind === 'image') return false;
    // A bare url (an autolink) is its own text: it may change with the url.
    const textKept = x.text === y.text || (x.text === x.url && y.text === y.url);
    return textKept && (x.url === y.url || sameArxiv(x.url, y.url) || repairedFragment(x.url, y.url));
  };

  type Difference = { kind: 'changed'; i: number; j: number } | { kind: 'dropped'; i: number; j: number } | { kind: 'added'; i: number; j: number };
  const differences: Difference[] = [];
  const LOOKAHEAD = 8;
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (same(a[i], b[j])) {
      i++;
      j++;
      continue;
    }
    if (i >= a.length) {
      if (!options.restored?.(b[j]!)) differences.push({ kind: 'added', i, j });
      j++;
      continue;
    }
    if (j >= b.length) {
      differences.push({ kind: 'dropped', i: i++, j });
      continue;
    }
    // One link rewritten, the next ones in step: a change, not a drop and an add.
    if (same(a[i + 1], b[j + 1]) || (i + 1 === a.length && j + 1 === b.length)) {
      differences.push({ kind: 'changed', i: i++, j: j++ });
      continue;
    }
    let resynced = false;
    for (let k = 1; k <= LOOKAHEAD && !resynced; k++) {
      if (same(a[i], b[j + k])) {
        for (let n = 0; n < k; n++) if (!options.restored?.(b[j + n]!)) differences.push({ kind: 'added', i, j: j + n });
        j += k;
        resynced = true;
      } else if (same(a[i + k], b[j])) {
        for (let n = 0; n < k; n++) differences.push({ kind: 'dropped', i: i + n, j });
        i += k;
        resynced = true;
      }
    }
    if (!resynced) differences.push({ kind: 'changed', i: i++, j: j++ });
  }
  if (differences.length === 0) return [];

  const limit = options.limit ?? 5;
  const notFound = '(not found in the source)';
  const described = differences.slice(0, limit).map((d) => {
    if (d.kind === 'changed') {
      const at = locate(before, d.i);
      const atAfter = locate(after, d.j);
      const line = at ?? atAfter;
      const source = line ? sourceLines(before.source, after.source, line.line, line.column) : { before: notFound, after: notFound };
      return [
        `line ${line?.line ?? '?'}: ${a[d.i]!.kind} #${d.i + 1} changed`,
        `    rendered before: ${show(a[d.i]!)}`,
        `    rendered after:  ${show(b[d.j]!)}`,
        `    source before:   ${source.before}`,
        `    source after:    ${atAfter && at && atAfter.line !== at.line ? `(the link is on line ${atAfter.line} now) ` : ''}${source.after}`,
      ].join('\n');
    }
    const [side, link, at] = d.kind === 'dropped' ? (['before', a[d.i]!, locate(before, d.i)] as const) : (['after', b[d.j]!, locate(after, d.j)] as const);
    const source = at ? sourceLines(before.source, after.source, at.line, at.column) : { before: notFound, after: notFound };
    const next = d.kind === 'dropped' ? `next rendered after:  ${b[d.j] ? show(b[d.j]!) : '(none)'}` : `next rendered before: ${a[d.i] ? show(a[d.i]!) : '(none)'}`;
    return [
      `line ${at?.line ?? '?'}${side === 'after' ? ' (after the fix)' : ''}: ${link.kind} #${(d.kind === 'dropped' ? d.i : d.j) + 1} ${d.kind}: ${show(link)}`,
      `    source before:   ${source.before}`,
      `    source after:    ${source.after}`,
      `    ${next}`,
    ].join('\n');
  });
  const counts = (['changed', 'dropped', 'added'] as const).map((k) => `${differences.filter((d) => d.kind === k).length} ${k}`).join(', ');
  return [`${differences.length} rendered links/images differ (${counts}; ${a.length} before, ${b.length} after)${differences.length > limit ? `; the first ${limit}` : ''}:`, ...described];
}

/** The url a browser goes to for `href` (WHATWG parsing); as written when it does not parse. */
function followed(href: string): string {
  try {
    return new URL(href).href;
  } catch {
    return href;
  }
}

function show(link: RenderedLink): string {
  return `${link.kind === 'image' ? '!' : ''}[${link.text}](${link.url})`;
}

function decodeFragment(href: string): string {
  try {
    return decodeURIComponent(href.slice(1));
  } catch {
    return href.slice(1);
  }
}

/**
 * Where a rendered link stands in its source (1-based line, 0-based column),
 * found by its url as written (or percent-decoded, or `&`-escaped), else by its
 * text: the k-th occurrence for the k-th link with that url. A best guess, for
 * the failure message only.
 */
function locate(rendering: Rendering, index: number): { line: number; column: number } | undefined {
  const link = rendering.links[index]!;
  const ordinal = rendering.links.slice(0, index).filter((l) => l.url === link.url).length;
  const candidates = [link.url, safeDecodeUri(link.url), link.url.replace(/&/g, '&amp;'), link.kind === 'link' ? link.text : `${link.text}](`].filter((c) => c.length > 0);
  for (const candidate of candidates) {
    const offsets: number[] = [];
    for (let at = rendering.source.indexOf(candidate); at !== -1 && offsets.length <= ordinal; at = rendering.source.indexOf(candidate, at + 1)) offsets.push(at);
    if (offsets.length === 0) continue;
    const offset = offsets[Math.min(ordinal, offsets.length - 1)]!;
    const lines = rendering.source.slice(0, offset).split(/\r\n|\r|\n/);
    return { line: lines.length, column: lines[lines.length - 1]!.length };
  }
  return undefined;
}

function safeDecodeUri(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

/**
 * Line `line` (1-based) before and after the fix, each cut to about 240
 * characters when long: around the first character that differs, else around
 * `column`.
 */
function sourceLines(before: string, after: string, line: number, column: number): { before: string; after: string } {
  const x = before.split(/\r\n|\r|\n/)[line - 1];
  const y = after.split(/\r\n|\r|\n/)[line - 1];
  let differs = 0;
  if (x !== undefined && y !== undefined && x !== y) {
    while (x[differs] === y[differs]) differs++;
  } else differs = column;
  const WIDTH = 240;
  const cut = (text: string | undefined) => {
    if (text === undefined) return `(no line ${line})`;
    if (text.length <= WIDTH) return JSON.stringify(text);
    const from = Math.max(0, Math.min(differs - 120, text.length - WIDTH));
    return `${from > 0 ? '…' : ''}${JSON.stringify(text.slice(from, from + WIDTH))}${from + WIDTH < text.length ? '…' : ''}`;
  };
  return { before: cut(x), after: x === y ? '(unchanged)' : cut(y) };
}
