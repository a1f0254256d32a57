import { normalizeUrl } from './identity';
import { memoizeString } from './memo';
import type { Entry, Link } from './types';

/**
 * An entry's code links and where they point, for finding one code link
 * under two different papers (`copied-code-link`).
 *
 * A code link is one whose label says so (`[code]`, `[GitHub]`, `[Repo]` …)
 * or a badge (a star count) that links to a repository on a code host. Other
 * links (a project page, a dataset, a demo) are not code, whatever host they
 * are on.
 */
export interface CodeLink {
  link: Link;
  /**
   * What the link is compared under across the survey: the repository
   * (`github.com/owner/repo`, case-insensitive) on a code host, else the
   * whole normalised url.
   */
  project: string;
  /**
   * Where in the project it points: the project itself for a repository's
   * front page (`/tree/main`, `/blob/master/README.md`, `.git` and a trailing
   * slash aside), else the folder or file (`github.com/a/b/models/bart`), a
   * branch other than main or master included (`github.com/a/b@v2`).
   */
  location: string;
  /** The link points at the project's front page (a repository, a site's home). */
  front: boolean;
}

const CODE_LABEL = /^(?:code|codes|github|gitlab|repo|repository|source|source code|official code|implementation)$/i;
const CODE_HOST = /^https?:\/\/(?:www\.)?(github\.com|gitlab\.com|bitbucket\.org)\/([^\s?#]*)/i;
/** Branches that are a repository's front page when nothing follows them. */
const DEFAULT_BRANCH = /^(?:main|master)$/i;
const README = /^readme(?:\.md|\.markdown|\.rst|\.txt)?$/i;

/** The entry's code links with where they point, one per place (a badge and `[code]` to one repository count once). */
export function codeLinksOf(entry: Entry): readonly CodeLink[] {
  let known = codeLinks.get(entry);
  if (!known) {
    const seen = new Set<string>();
    const found: CodeLink[] = [];
    for (const link of entry.links) {
      if (link.title || !isCodeLink(link)) continue;
      const place = codePlace(link.url.text);
      if (!place || seen.has(place.location)) continue;
      seen.add(place.location);
      found.push({ link, ...place });
    }
    codeLinks.set(entry, (known = found));
  }
  return known;
}

/** Parsed entries are reused while their chunk is unchanged, and so is what is derived from them. */
const codeLinks = new WeakMap<Entry, readonly CodeLink[]>();

/** The projects an entry's code links point into, each once: the keys the paper index groups entries by. */
export function codeProjectsOf(entry: Entry): string[] {
  const projects = codeLinksOf(entry).map((c) => c.project);
  return projects.length < 2 ? projects : [...new Set(projects)];
}

function isCodeLink(link: Link): boolean {
  if (link.image) return CODE_HOST.test(link.url.text);
  return CODE_LABEL.test(link.label.text.trim());
}

/** Where a code link's url points, or nothing for a url that names no page (empty, relative, an anchor). */
const codePlace = memoizeString((url: string): Omit<CodeLink, 'link'> | undefined => {
  const trimmed = url.trim();
  if (!/^https?:\/\/[^\s/]/i.test(trimmed)) return undefined;
  const host = CODE_HOST.exec(trimmed);
  if (!host) {
    const location = normalizeUrl(trimmed);
    return { project: location, location, front: !location.includes('/') };
  }
  const segments = host[2]!.split('/').filter(Boolean);
  const hostName = host[1]!.toLowerCase();
  const project = [hostName, ...segments.slice(0, 2).map((s) => s.toLowerCase().replace(/\.git$/, ''))].join('/');
  // GitLab writes `/-/tree/main/…`, GitHub `/tree/main/…`: the branch, then the path in it.
  let rest = segments.slice(2);
  if (rest[0] === '-') rest = rest.slice(1);
  let branch = '';
  if (rest.length >= 2 && /^(?:tree|blob|src)$/i.test(rest[0]!)) {
    branch = DEFAULT_BRANCH.test(rest[1]!) ? '' : `@${rest[1]}`;
    rest = rest.slice(2);
    if (rest.length > 0 && README.test(rest[rest.length - 1]!)) rest = rest.slice(0, -1);
  }
  const path = rest.join('/');
  const location = `${project}${branch}${path ? `/${path}` : ''}`;
  return { project, location, front: location === project };
});
