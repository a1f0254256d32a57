import type { ArxivSettings } from '../../../../shared/settings';
import type { ArxivLinkHabit } from '../engine/surveyFacts';
import { parseArxivUrl } from '../model/arxivId';
import { entryRule } from './entryRule';
import type { RuleFinding } from '../engine/rule';

/**
 * `arxiv-url-style`: arXiv links written in one canonical form, so that a
 * list reads uniformly and a reviewer sees at once which paper a link is.
 * The form is the survey's own: abs or pdf as most of its arXiv links are
 * written (with `.pdf` when most pdf links have it), unless `arxiv.urlStyle`
 * names one. Rendered pages (`/html/`, ar5iv) are a different resource and
 * left alone.
 */
export const arxivUrlStyle = entryRule(
  'arxiv-url-style',
  (entry, { settings, survey }) => {
  const style = resolvedStyle(settings.arxiv, survey.arxivLinks);
  const findings: RuleFinding[] = [];
  for (const link of entry.links) {
    const written = link.url.text;
    const ref = parseArxivUrl(written);
    if (!ref || /\/html\/|ar5iv/i.test(written)) continue;
    // `/pdf/ID` and `/pdf/ID.pdf` are one PDF: a list may write either, and a fix of something else keeps the one written.
    const keptSuffix = style.kind === 'pdf' && /\/pdf\//i.test(written) ? { ...style, pdfSuffix: /\.pdf\/?$/i.test(written.trim()) } : style;
    const canonical = canonicalArxivUrl(ref.id, ref.version, keptSuffix);
    if (written === canonical) continue;
    findings.push({
      range: link.url.range,
      message: `arXiv link not in the survey's form (${differences(written, ref.version, style).join(', ')}): expected ${canonical}.`,
      fixes: [{ title: `Change to ${canonical}`, edits: [{ range: link.url.range, newText: canonical }], safe: true, isPreferred: true }],
    });
  }
  return findings;
  },
  { survey: true },
);

/** The canonical form: what the settings name, or the survey's habit under `auto`. */
export interface ArxivStyle {
  kind: 'abs' | 'pdf';
  pdfSuffix: boolean;
  keepVersion: boolean;
}

function resolvedStyle(settings: ArxivSettings, habit: ArxivLinkHabit): ArxivStyle {
  if (settings.urlStyle === 'auto') return { ...habit, pdfSuffix: habit.kind === 'pdf' && habit.pdfSuffix, keepVersion: settings.keepVersion };
  return { kind: settings.urlStyle, pdfSuffix: false, keepVersion: settings.keepVersion };
}

export function canonicalArxivUrl(id: string, version: number | undefined, style: ArxivStyle): string {
  const pinned = style.keepVersion && version !== undefined ? `v${version}` : '';
  return `https://arxiv.org/${style.kind}/${id}${pinned}${style.pdfSuffix ? '.pdf' : ''}`;
}

/** What a reader should change, in words: `pdf link`, `pinned version v2`, `http:`, `host export.arxiv.org`. */
function differences(url: string, version: number | undefined, style: ArxivStyle): string[] {
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
  if (kind !== style.kind) found.push(`${kind} link instead of ${style.kind}`);
  if (/\.pdf$/i.test(parsed.pathname) && style.kind === 'abs') found.push('".pdf" suffix');
  if (version !== undefined && !style.keepVersion) found.push(`pinned version v${version}`);
  if (found.length === 0) found.push('written differently');
  return found;
}
