import type { ArxivSettings } from '../../../../shared/settings';
import { parseArxivUrl } from '../model/arxivId';
import { entryRule } from './entryRule';
import type { RuleFinding } from '../engine/rule';

/**
 * `arxiv-url-style`: arXiv links written in one canonical form
 * (`https://arxiv.org/abs/ID` unless `arxiv.urlStyle` says pdf), so that a
 * list reads uniformly and a reviewer sees at once which paper a link is.
 * Rendered pages (`/html/`, ar5iv) are a different resource and left alone.
 */
export const arxivUrlStyle = entryRule('arxiv-url-style', (entry, { settings }) => {
  const findings: RuleFinding[] = [];
  for (const link of entry.links) {
    const written = link.url.text;
    const ref = parseArxivUrl(written);
    if (!ref || /\/html\/|ar5iv/i.test(written)) continue;
    const canonical = canonicalArxivUrl(ref.id, ref.version, settings.arxiv);
    if (written === canonical) continue;
    findings.push({
      range: link.url.range,
      message: `arXiv link not in the canonical form (${differences(written, ref.version, settings.arxiv).join(', ')}): expected ${canonical}.`,
      fixes: [{ title: `Change to ${canonical}`, edits: [{ range: link.url.range, newText: canonical }], safe: true, isPreferred: true }],
    });
  }
  return findings;
});

export function canonicalArxivUrl(id: string, version: number | undefined, style: ArxivSettings): string {
  const pinned = style.keepVersion && version !== undefined ? `v${version}` : '';
  return `https://arxiv.org/${style.urlStyle}/${id}${pinned}`;
}

/** What a reader should change, in words: `pdf link`, `pinned version v2`, `http:`, `host export.arxiv.org`. */
function differences(url: string, version: number | undefined, style: ArxivSettings): string[] {
  const found: string[] = [];
  let parsed: URL | undefined;
  try {
    parsed = new URL(url.trim());
  } catch {
    return ['written differently'];
  }
  if (parsed.protocol === 'http:') found.push('http: instead of https:');
  if (parsed.hostname.toLowerCase() !== 'arxiv.org') found.push(`host ${parsed.hostname}`);
  const kind = /^\/(\w+)\//.exec(parsed.pathname)?.[1];
  if (kind !== style.urlStyle) found.push(`${kind} link instead of ${style.urlStyle}`);
  if (/\.pdf$/i.test(parsed.pathname)) found.push('".pdf" suffix');
  if (version !== undefined && !style.keepVersion) found.push(`pinned version v${version}`);
  if (found.length === 0) found.push('written differently');
  return found;
}
