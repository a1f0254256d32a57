import type { CodeLens } from 'vscode-languageserver-types';
import { hasCode } from '../model/identity';
import { comparePositions } from '../model/positions';
import type { Section, SurveyDocument } from '../model/types';

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
