import type { Position } from 'vscode-languageserver-types';
import type { ChunkModel, ChunkOutline } from './parseChunk';
import { comparePositions } from './positions';
import { UniqueSlugs } from './slugs';
import type { Entry, ListBlock, Section, SectionHeading, SurveyDocument, SurveyOutline } from './types';

/**
 * Puts the chunks of a document together: the section tree (a bold category
 * one level below the heading above it), GitHub slugs (unique in document
 * order, as GitHub makes them), and the entries in document order.
 */
export function assemble(chunks: ChunkModel[]): SurveyDocument {
  return withLists(assembleOutline(chunks), chunks.map((c) => c.lists));
}

/** The outline of the chunks put together: everything but their lists. */
export function assembleOutline(chunks: ChunkOutline[]): SurveyOutline {
  const outline: SurveyOutline = { sections: [], anchors: [], explicitAnchors: [], suppressions: [], fileLinks: [], problems: [], lineCount: 1 };
  const headings: SectionHeading[] = [];
  let omitNext = false;
  for (const chunk of chunks) {
    chunk.headings.forEach((heading, i) => headings.push(i === 0 && omitNext ? { ...heading, omitInToc: true } : heading));
    omitNext = chunk.omitsNextHeading === true;
    for (const anchor of chunk.anchors) outline.anchors.push(anchor);
    for (const anchor of chunk.explicitAnchors) outline.explicitAnchors.push(anchor);
    for (const comment of chunk.suppressions) outline.suppressions.push(comment);
    for (const link of chunk.fileLinks) outline.fileLinks.push(link);
    if (chunk.proseLinkIssues) for (const issue of chunk.proseLinkIssues) (outline.proseLinkIssues ??= []).push(issue);
    for (const problem of chunk.problems) outline.problems.push(problem);
  }
  const end = chunks.length > 0 ? chunks[chunks.length - 1]!.end : { line: 0, character: 0 };
  outline.lineCount = end.line + 1;
  outline.sections = buildSections(headings, end);
  return outline;
}

/** An outline with the lists of its chunks (in the chunks' order): the whole model. */
export function withLists(outline: SurveyOutline, listsPerChunk: ListBlock[][]): SurveyDocument {
  const doc: SurveyDocument = { ...outline, lists: [], entries: [] };
  for (const lists of listsPerChunk) {
    for (const list of lists) doc.lists.push(list);
    for (const entry of entriesInOrder(lists)) doc.entries.push(entry);
  }
  return doc;
}

function entriesInOrder(lists: ListBlock[]): Entry[] {
  const entries: Entry[] = [];
  for (const list of lists) for (const item of list.items) if (item.entry) entries.push(item.entry);
  // Lists come outer before inner; entries of nested lists go back between their parents' items.
  if (lists.some((l) => l.depth > 0)) entries.sort((a, b) => comparePositions(a.range.start, b.range.start));
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
    if (h.omitInToc) section.omitInToc = true;
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
export function sectionAt(doc: SurveyOutline, position: Position): Section | undefined {
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
