import { distance } from 'fastest-levenshtein';
import { memoizeString } from './memo';
import { trimEndWhere } from './trimEnd';
import type { Entry, Link } from './types';

/**
 * Which paper an entry is, for finding the same paper listed twice. In order
 * of trust: the arXiv id (any URL form, version ignored), a DOI, the paper
 * link's URL, the title, each normalised so that spelling noise does not
 * split one paper in two.
 */
export function paperIdentity(entry: Entry): string | undefined {
  let known = identities.get(entry);
  if (known === undefined) identities.set(entry, (known = identityOf(entry) ?? null));
  return known ?? undefined;
}

/** Parsed entries are reused while their chunk is unchanged, and so is what is derived from them. */
const identities = new WeakMap<Entry, string | null>();

function identityOf(entry: Entry): string | undefined {
  if (entry.arxiv) return `arxiv:${entry.arxiv.id}`;
  for (const link of entry.links) {
    const doi = doiOf(link.url.text);
    if (doi) return `doi:${doi}`;
  }
  const paper = paperLink(entry);
  // An empty or relative url names no page: `[paper]()` in two entries does not make them one paper.
  if (paper && /^https?:\/\/\S/i.test(paper.url.text)) return `url:${normalizeUrl(paper.url.text)}`;
  const title = entry.title && normalizeText(entry.title.text);
  return title ? `title:${title}` : undefined;
}

const PAPER_LABELS = /^(?:paper|pdf|arxiv|abs|doi|article)$/i;

/** Whether a link label names the paper itself (`paper`, `pdf`, `arXiv` …). */
export function isPaperLabel(label: string): boolean {
  return PAPER_LABELS.test(label.trim());
}

/**
 * Hosts that serve papers (preprint servers, proceedings, publishers,
 * anthologies) and links to a PDF: a link there names a paper whatever its label.
 */
const PAPER_HOST =
  /^https?:\/\/(?:[\w-]+\.)*(?:arxiv\.org|aclanthology\.org|aclweb\.org|openreview\.net|doi\.org|dl\.acm\.org|ieeexplore\.ieee\.org|computer\.org|proceedings\.neurips\.cc|papers\.nips\.cc|neurips\.cc|proceedings\.mlr\.press|jmlr\.org|openaccess\.thecvf\.com|ecva\.net|link\.springer\.com|springer\.com|sciencedirect\.com|ojs\.aaai\.org|aaai\.org|ijcai\.org|semanticscholar\.org|biorxiv\.org|medrxiv\.org|nature\.com|science\.org|pnas\.org|researchgate\.net|ssrn\.com|isca-archive\.org|isca-speech\.org|mdpi\.com|wiley\.com|tandfonline\.com|acm\.org|iclr\.cc|icml\.cc|papers\.cool|huggingface\.co\/papers)(?:[/:?#]|$)/i;

/** Whether a url names a paper by where it points: a paper host, or a PDF. */
export function isPaperUrl(url: string): boolean {
  return PAPER_HOST.test(url) || isPdfUrl(url);
}

/**
 * `https://…/paper.pdf`, perhaps with a query or fragment after the `.pdf`.
 * In two steps: one regex `^https?:\/\/\S+\.pdf(?:[?#]\S*)?$` would be
 * quadratic on a url of many `.pdf?`.
 */
function isPdfUrl(url: string): boolean {
  const rest = /^https?:\/\/(\S+)$/i.exec(url)?.[1];
  return rest !== undefined && /.\.pdf(?:[?#]|$)/i.test(rest);
}

/**
 * The link that points at the paper itself: one labelled so, else the title
 * when it is a link, else a link to a paper host, else the only link there
 * is. A badge (an image link) is never it.
 */
export function paperLink(entry: Entry): Link | undefined {
  const links = entry.links.filter((l) => !l.image);
  return (
    links.find((l) => isPaperLabel(l.label.text)) ??
    links.find((l) => l.title) ??
    links.find((l) => isPaperUrl(l.url.text)) ??
    // `[link]` names the paper in some lists, and a dataset's page in others: only when nothing says more.
    links.find((l) => /^link$/i.test(l.label.text.trim())) ??
    (links.length === 1 ? links[0] : undefined)
  );
}

/** `10.1145/3580305.3599256` from `https://doi.org/…`, `https://dl.acm.org/doi/…` and the like, lower-cased as DOIs compare. */
export const doiOf = memoizeString((url: string): string | undefined => {
  const m = /(?:^|[/:])(10\.\d{4,9}\/[^\s?#]+)/.exec(safeDecode(url));
  if (!m || !/doi/i.test(url)) return undefined;
  return withoutDoiSuffixes(m[1]!).toLowerCase();
});

/** What links to a DOI add after it, in any order and number (`…/full.pdf/`). */
const DOI_SUFFIXES = ['/', '.pdf', '/full', '/abstract'];

/**
 * A scan from the end: `doi.replace(/(?:\/|\.pdf|\/full|\/abstract)+$/i, '')`
 * is quadratic on a url of many `/` followed by something else.
 */
function withoutDoiSuffixes(doi: string): string {
  let end = doi.length;
  const endsWith = (suffix: string) => end >= suffix.length && doi.slice(end - suffix.length, end).toLowerCase() === suffix;
  for (;;) {
    const suffix = DOI_SUFFIXES.find(endsWith);
    if (suffix === undefined) return doi.slice(0, end);
    end -= suffix.length;
  }
}

/**
 * A URL as it identifies a page: no scheme, no `www.`, host lower-cased, no
 * trailing slash or fragment. GitHub owner and repository names are not case
 * sensitive, so their path is lower-cased too.
 */
export const normalizeUrl = memoizeString((url: string): string => {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return url.trim().toLowerCase();
  }
  const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
  let path = trimEndWhere(parsed.pathname, (c) => c === '/');
  if (host === 'github.com') path = path.toLowerCase().replace(/\.git$/, '');
  return `${host}${path}${parsed.search}`;
});

/** Case, accents, punctuation and spacing ignored: `Augesc: Dialogue …` and `AugESC — dialogue …` agree (titles, authors, venues). */
export const normalizeText = memoizeString((title: string): string =>
  title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim(),
);

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * Whether two titles name different papers rather than the same paper
 * spelled differently: more than half of the (normalised) text would have to
 * change. A renamed version or a shortened title stays below that.
 */
export function titlesClearlyDiffer(a: string, b: string): boolean {
  const x = normalizeText(a);
  const y = normalizeText(b);
  if (x === y || x.startsWith(y) || y.startsWith(x)) return false;
  return distance(x, y) > Math.max(x.length, y.length) / 2;
}

const CODE_LABELS = /^(?:code|github|repo|repository|implementation|source)$/i;
const CODE_HOSTS = /^https?:\/\/(?:www\.)?(?:github\.com|gitlab\.com|bitbucket\.org)\//i;

/** Whether an entry links to its code: a link labelled so, or one to a code host. */
export function hasCode(entry: Entry): boolean {
  return entry.links.some((l) => CODE_LABELS.test(l.label.text.trim()) || CODE_HOSTS.test(l.url.text));
}

/** An entry's normalised title, kept while the entry's chunk is unchanged. */
export function normalizedTitle(entry: Entry): string | undefined {
  if (!entry.title) return undefined;
  let known = titles.get(entry);
  if (known === undefined) titles.set(entry, (known = normalizeText(entry.title.text)));
  return known;
}

const titles = new WeakMap<Entry, string>();
