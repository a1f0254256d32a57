import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import { comparePositions } from '../model/positions';
import type { Entry, Section, SurveyDocument } from '../model/types';

/**
 * The survey's tree for the Outline view and breadcrumbs: sections nested as
 * in the document (bold categories included), each entry a child named by
 * its title.
 */
export function documentSymbols(doc: SurveyDocument): DocumentSymbol[] {
  const entriesBySection = new Map<number, Entry[]>();
  let s = -1;
  // Entries and sections are both in document order: walk them together.
  for (const entry of doc.entries) {
    while (s + 1 < doc.sections.length && comparePositions(doc.sections[s + 1]!.range.start, entry.range.start) <= 0) s++;
    if (s < 0) continue;
    let list = entriesBySection.get(s);
    if (!list) entriesBySection.set(s, (list = []));
    list.push(entry);
  }
  const build = (index: number): DocumentSymbol => {
    const section = doc.sections[index]!;
    const papers = (entriesBySection.get(index) ?? []).map(entrySymbol);
    return {
      name: section.text.trim() || '(untitled)',
      kind: section.kind === 'heading' ? SymbolKind.Namespace : SymbolKind.Module,
      detail: section.kind === 'category' ? 'category' : '#'.repeat(section.depth ?? 1),
      range: sectionRange(section),
      selectionRange: section.textRange,
      children: [...section.children.map(build), ...papers].sort((a, b) => comparePositions(a.range.start, b.range.start)),
    };
  };
  const top = doc.sections.flatMap((section, i) => (section.parent === -1 ? [build(i)] : []));
  const before = doc.entries.filter((e) => doc.sections.length === 0 || comparePositions(e.range.start, doc.sections[0]!.range.start) < 0).map(entrySymbol);
  return [...before, ...top];
}

function entrySymbol(entry: Entry): DocumentSymbol {
  return {
    name: entry.title?.text || '(untitled entry)',
    kind: SymbolKind.String,
    ...(entry.year ? { detail: [entry.venue?.text, entry.year.text].filter(Boolean).join(' ') } : entry.venue ? { detail: entry.venue.text } : {}),
    range: entry.range,
    selectionRange: entry.title?.range ?? entry.range,
  };
}

/** A section's symbol covers its heading line through its body (the selection range must lie inside it). */
function sectionRange(section: Section): Range {
  return { start: section.range.start, end: comparePositions(section.bodyRange.end, section.range.end) > 0 ? section.bodyRange.end : section.range.end };
}
