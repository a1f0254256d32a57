import type { CodeLens, DocumentLink } from 'vscode-languageserver-types';
import { arxivRefsInLine } from './arxivRefs';
import { canonicalAbsUrl } from './model/arxivId';
import { hasCode } from './model/identity';
import { comparePositions } from './model/positions';
import type { Section, SurveyDocument } from './model/types';

/** "12 papers · 9 with code" above each heading that holds papers. */
export function codeLenses(doc: SurveyDocument): CodeLens[] {
  return doc.sections.flatMap((section) => {
    if (section.kind !== 'heading') return [];
    const { papers, withCode } = sectionCounts(doc, section);
    if (papers === 0) return [];
    return [{ range: section.range, command: { title: `${papers} paper${papers === 1 ? '' : 's'} · ${withCode} with code`, command: '' } }];
  });
}

/** The papers in a section's body (its subsections included), and how many link to code. */
export function sectionCounts(doc: SurveyDocument, section: Section): { papers: number; withCode: number } {
  const papers = doc.entries.filter((e) => comparePositions(e.range.start, section.bodyRange.start) >= 0 && comparePositions(e.range.start, section.bodyRange.end) < 0);
  return { papers: papers.length, withCode: papers.filter(hasCode).length };
}

/** `arXiv:2401.15422` in prose becomes a link to its abstract page. */
export function documentLinks(lines: string[]): DocumentLink[] {
  const links: DocumentLink[] = [];
  lines.forEach((line, n) => {
    if (!/arxiv:/i.test(line)) return;
    for (const ref of arxivRefsInLine(line, n)) {
      if (!/^arxiv:/i.test(line.slice(ref.range.start.character, ref.range.end.character))) continue;
      links.push({ range: ref.range, target: canonicalAbsUrl(ref.id), tooltip: `arXiv ${ref.id}: abstract page` });
    }
  });
  return links;
}
