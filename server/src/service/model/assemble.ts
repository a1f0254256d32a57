import type { Position } from 'vscode-languageserver-types';
import type { ChunkModel } from './parseChunk';
import { comparePositions } from './positions';
import { UniqueSlugs } from './slugs';
import type { Entry, Section, SectionHeading, SurveyDocument } from './types';

/**
 * Puts the chunks of a document together: the section tree (a bold category
 * one level below the heading above it), GitHub slugs (unique in document
 * order, as GitHub makes them), and the entries in document order.
 */
export function assemble(chunks: ChunkModel[]): SurveyDocument {
  const doc: SurveyDocument = { sections: [], lists: [], entries: [], anchors: [], explicitAnchors: [], suppressions: [], problems: [], lineCount: 1 };
  const headings: SectionHeading[] = [];
  for (const model of chunks) {
    for (const heading of model.headings) headings.push(heading);
    for (const list of model.lists) doc.lists.push(list);
    doc.entries.push(...entriesInOrder(model));
    for (const anchor of model.anchors) doc.anchors.push(anchor);
    for (const anchor of model.explicitAnchors) doc.explicitAnchors.push(anchor);
    for (const comment of model.suppressions) doc.suppressions.push(comment);
    for (const problem of model.problems) doc.problems.push(problem);
  }
  const end = chunks.length > 0 ? chunks[chunks.length - 1]!.end : { line: 0, character: 0 };
  doc.lineCount = end.line + 1;
  doc.sections = buildSections(headings, end);
  return doc;
}

function entriesInOrder(model: ChunkModel): Entry[] {
  const entries: Entry[] = [];
  for (const list of model.lists) for (const item of list.items) if (item.entry) entries.push(item.entry);
  // Lists come outer before inner; entries of nested lists go back between their parents' items.
  if (model.lists.some((l) => l.depth > 0)) entries.sort((a, b) => comparePositions(a.range.start, b.range.start));
  return entries;
}

function buildSections(headings: SectionHeading[], end: Position): Section[] {
  const slugs = new UniqueSlugs();
  const sections: Section[] = [];
  let headingLevel = 0;
  const open: number[] = []; // indices of the sections enclosing the current one
  for (const h of headings) {
    if (h.kind === 'heading') headingLevel = h.depth!;
    const level = h.kind === 'heading' ? h.depth! : headingLevel + 1;
    while (open.length > 0 && sections[open[open.length - 1]!]!.level >= level) {
      sections[open.pop()!]!.bodyRange.end = h.range.start;
    }
    const parent = open.length > 0 ? open[open.length - 1]! : -1;
    const section: Section = {
      kind: h.kind,
      level,
      text: h.text,
      range: h.range,
      textRange: h.textRange,
      parent,
      children: [],
      bodyRange: { start: h.range.start, end },
    };
    if (h.kind === 'heading') {
      section.depth = h.depth!;
      section.slug = slugs.next(h.text);
    }
    if (parent >= 0) sections[parent]!.children.push(sections.length);
    open.push(sections.length);
    sections.push(section);
  }
  return sections;
}

/** The innermost section whose body holds `position`, or undefined before the first heading. */
export function sectionAt(doc: SurveyDocument, position: Position): Section | undefined {
  let lo = 0;
  let hi = doc.sections.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (comparePositions(doc.sections[mid]!.range.start, position) <= 0) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // The last section starting before the position is the innermost one holding it.
  return found >= 0 ? doc.sections[found] : undefined;
}
