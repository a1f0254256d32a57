import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import { arxivRefsInLine, type ArxivRefInText } from '../model/arxivRefs';
import { sectionAt } from '../model/assemble';
import { canonicalAbsUrl } from '../model/arxivId';
import { normalizeText } from '../model/identity';
import { pointAt, rangeContains } from '../model/positions';
import { sectionCounts } from './codeLenses';
import type { Entry, Section, SurveyDocument } from '../model/types';
import type { ArxivRecord, MetadataSource } from '../metadata';
import { inertMarkdown } from './markdownText';

const AUTHORS_SHOWN = 6;
const ABSTRACT_CHARS = 400;

/** The arXiv reference under the cursor, if any. */
export function arxivRefAt(document: TextDocument, position: Position): ArxivRefInText | undefined {
  const line = document.getText({ start: pointAt(position.line), end: pointAt(position.line + 1) });
  return arxivRefsInLine(line.replace(/\r?\n$|\r$/, ''), position.line).find((ref) => rangeContains(ref.range, position));
}

/**
 * Hover: on an arXiv reference, the paper as arXiv knows it and where the
 * survey lists it; on a heading, how many papers it holds. Answers at once
 * with what is known; never waits on the network.
 */
export function hover(document: TextDocument, doc: SurveyDocument, position: Position, metadata: MetadataSource): Hover | null {
  const ref = arxivRefAt(document, position);
  if (ref) return { contents: { kind: MarkupKind.Markdown, value: paperHover(doc, ref, metadata) }, range: ref.range };
  const section = doc.sections.find((s) => rangeContains(s.range, position));
  if (section) return { contents: { kind: MarkupKind.Markdown, value: sectionHover(doc, section) }, range: section.range };
  return null;
}

function paperHover(doc: SurveyDocument, ref: ArxivRefInText, metadata: MetadataSource): string {
  const id = ref.id;
  const parts: string[] = [];
  const state = metadata.lookup(id);
  const links = `[Abstract](${canonicalAbsUrl(id)}) · [PDF](https://arxiv.org/pdf/${id})`;
  if (state.kind === 'known') {
    parts.push(...recordLines(state.record));
    const own = entryAt(doc, ref);
    if (own?.title && normalizeText(own.title.text) !== normalizeText(state.record.title)) {
      parts.push(`⚠ This entry's title differs from arXiv's: "${inertMarkdown(own.title.text)}".`);
    }
    const from = state.source === 'snapshot' ? 'bundled snapshot' : state.source === 'cache' ? 'cache' : 'arXiv';
    parts.push(`${links} · _from the ${from}${state.fetching ? '; fetching…' : ''}_`);
  } else {
    const why =
      state.kind === 'fetching'
        ? 'fetching…'
        : state.kind === 'missing'
          ? inertMarkdown(state.reason)
          : metadata.online === false
            ? 'not in the snapshot or the cache, and fetching is off (`surveyor.arxiv.online`)'
            : state.lastFailure
              ? `not known yet; the last fetch failed: ${inertMarkdown(state.lastFailure)}`
              : 'not known yet';
    parts.push(`**arXiv ${inertMarkdown(id)}**: ${why}`, links);
  }
  const listings = doc.entries.filter((e) => e.arxiv?.id === id);
  if (listings.length > 0) {
    parts.push(`Listed in: ${listings.map((e) => `${inertMarkdown(sectionAt(doc, e.range.start)?.text ?? 'top of the document')} (line ${e.range.start.line + 1})`).join(', ')}`);
  }
  return parts.join('\n\n');
}

function recordLines(r: ArxivRecord): string[] {
  const lines = [`**${inertMarkdown(r.title)}**`];
  if (r.authors.length > 0) {
    const shown = r.authors.slice(0, AUTHORS_SHOWN).map(inertMarkdown).join(', ');
    const more = r.authors.length - AUTHORS_SHOWN;
    lines.push(more > 0 ? `${shown} and ${more} more` : shown);
  }
  // Dates and the version are shown as they are only when they have their shape; every text is made inert.
  const published = isDate(r.published) ? r.published : null;
  const updated = isDate(r.updated) ? r.updated : null;
  const version = Number.isSafeInteger(r.version) && r.version! >= 1 ? `v${r.version}` : 'latest';
  const dates = [
    published && `v1 ${published}`,
    updated && updated !== published && `${version} ${updated}`,
    r.primaryCategory && inertMarkdown(r.primaryCategory),
  ].filter(Boolean);
  if (dates.length > 0) lines.push(dates.join(' · '));
  const extra = [
    r.journalRef && `Journal: ${inertMarkdown(r.journalRef)}`,
    r.doi && `DOI: ${inertMarkdown(r.doi)}`,
    r.comment && `Comment: ${inertMarkdown(r.comment)}`,
  ].filter(Boolean);
  if (extra.length > 0) lines.push(extra.join('  \n'));
  if (r.abstract) {
    const cut = r.abstract.length > ABSTRACT_CHARS ? `${r.abstract.slice(0, ABSTRACT_CHARS).trimEnd()}…` : r.abstract;
    lines.push(inertMarkdown(cut));
  }
  return lines;
}

function isDate(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
}

function sectionHover(doc: SurveyDocument, section: Section): string {
  const { papers, withCode } = sectionCounts(doc, section);
  return `**${inertMarkdown(section.text)}**: ${papers} paper${papers === 1 ? '' : 's'} · ${withCode} with code`;
}

/** The entry whose text holds the reference. */
function entryAt(doc: SurveyDocument, ref: ArxivRefInText): Entry | undefined {
  return doc.entries.find((e) => rangeContains(e.range, ref.range.start));
}
