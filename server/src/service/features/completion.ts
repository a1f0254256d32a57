import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList, type Position, type Range } from 'vscode-languageserver-types';
import type { SurveyorSettings } from '../../../../shared/settings';
import { listAround, styleOf } from './entryStyle';
import { lineText } from '../model/lines';
import { sectionAt } from '../model/assemble';
import { normalizeText } from '../model/identity';
import { comparePositions, pointAt } from '../model/positions';
import type { Section, SurveyDocument } from '../model/types';
import { AnchorTargets } from '../rules/anchors';
import type { Category, Taxonomy } from '../taxonomy';
import { knownVenueNames } from '../venues';

export interface CompletionContext {
  document: TextDocument;
  doc: SurveyDocument;
  position: Position;
  settings: SurveyorSettings;
  taxonomy: Taxonomy;
}

/**
 * Completion where a survey's contributor needs it: category headings after
 * `#…` or `***`, anchors after `](#` or `href="#`, the next entry on an empty
 * line after a numbered entry, venues after the authors, link labels in `[[`.
 */
export function complete(context: CompletionContext): CompletionList {
  const { document, position } = context;
  const before = lineText(document, position.line).slice(0, position.character);
  // `#` or `**` alone may become a heading or a bold category: ask again as the user types on.
  if (/^(?:#{1,6}|\*{1,2})$/.test(before)) return { isIncomplete: true, items: [] };
  const items = completionItems(context, before);
  if (items.length <= MAX_COMPLETION_ITEMS) return { isIncomplete: false, items };
  // Too many to send: those that can still match what is typed, up to the cap, and the editor asks again as the user types on.
  return { isIncomplete: true, items: items.filter((item) => mayMatch(item, before)).slice(0, MAX_COMPLETION_ITEMS) };
}

/** Items one answer holds at most: a taxonomy, a long document or a list of venues can offer tens of thousands. */
export const MAX_COMPLETION_ITEMS = 1000;

/** Whether the editor could keep `item` for the text typed over its range: it filters by letters in order, ignoring case. */
function mayMatch(item: CompletionItem, before: string): boolean {
  const edit = item.textEdit;
  const typed = edit && 'range' in edit ? before.slice(edit.range.start.character).toLowerCase() : '';
  const candidate = (item.filterText ?? item.label).toLowerCase();
  let at = 0;
  for (const char of typed) {
    at = candidate.indexOf(char, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

function completionItems(context: CompletionContext, before: string): CompletionItem[] {
  const { position } = context;
  const range = (from: number): Range => ({ start: pointAt(position.line, from), end: position });

  // `(?![ \t])`: the text starts after every space, so a long run of them is not split two ways.
  const heading = /^(#{1,6})[ \t]+(?![ \t])(.*)$/.exec(before);
  if (heading && !heading[2]!.includes('](')) return categoryItems(context, heading[1]!.length, range(heading[0].length - heading[2]!.length), false);
  const bold = /^(\*{2,3})([^*]*)$/.exec(before);
  if (bold) return categoryItems(context, undefined, range(0), true);

  const fragment = fragmentTyped(before);
  if (fragment !== undefined) return anchorItems(context.doc, range(position.character - fragment.length));

  const label = /\[\[([A-Za-z -]*)$/.exec(before);
  if (label) return labelItems(context.settings, range(position.character - label[1]!.length));

  if (before.trim() === '') return nextEntryItems(context, range(0));

  const venue = /^\s*(?:\d{1,9}[.)]|[-*+])\s.*[_*]\s+([\p{L}][\p{L}\p{N} &:/-]*)?$/u.exec(before);
  // The emphasis the venue follows closes one opened earlier on the line (`_Authors_ Ven`): a mark before a non-space.
  if (venue && /[_*]\S/.test(before.slice(0, Math.max(before.lastIndexOf('_'), before.lastIndexOf('*'))))) return venueItems(context.settings, range(position.character - (venue[1]?.length ?? 0)));
  return [];
}

/**
 * The fragment typed after `](#` or `href="#` at the end of `before`, as far
 * back as the last `)`, space or quote. Found from the end: the one regex
 * `/(?:\]\(#|\bhref\s*=\s*["']#)([^)\s"']*)$/` reads to the end of the line
 * again from every `](#` of a line that has a `)` at its end.
 */
function fragmentTyped(before: string): string | undefined {
  let start = before.length;
  while (start > 0 && !/[)\s"']/.test(before[start - 1]!)) start--;
  const run = before.slice(start);
  if (run.startsWith('#') && /\bhref\s*=\s*["']$/.test(before.slice(0, start))) return run.slice(1);
  const open = run.indexOf('](#');
  return open === -1 ? undefined : run.slice(open + 3);
}

/**
 * The categories for a heading at `level` (or a bold line) under the section
 * enclosing the cursor: the taxonomy's and the table of contents' names that
 * the document lacks first, then those it has.
 */
function categoryItems({ doc, position, taxonomy }: CompletionContext, level: number | undefined, range: Range, bold: boolean): CompletionItem[] {
  const enclosing = enclosingSection(doc, position, level);
  const parentNode = enclosing ? findCategory(taxonomy, enclosing) : undefined;
  const fromTaxonomy = (parentNode ? (parentNode.children ?? []) : enclosing ? [] : taxonomy.categories).filter((c) => !!c.bold === bold);
  let existing = enclosing
    ? enclosing.children.map((i) => doc.sections[i]!).filter((s) => (bold ? s.kind === 'category' : s.kind === 'heading' && s.depth === level))
    : doc.sections.filter((s) => s.parent === -1 && s.kind === 'heading' && s.depth === level);
  const have = new Set(existing.map((s) => normalizeText(s.text)));
  // The heading being typed is not a section to offer.
  existing = existing.filter((s) => s.text.trim() !== '' && s.range.start.line !== position.line);
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  const add = (name: string, missing: boolean, detail: string) => {
    const key = normalizeText(name);
    if (seen.has(key)) return;
    seen.add(key);
    const text = bold ? `***${name}***` : name;
    items.push({
      label: name,
      kind: CompletionItemKind.Module,
      detail,
      sortText: `${missing ? 0 : 1}${String(items.length).padStart(6, '0')}`,
      filterText: bold ? text : name,
      textEdit: { range, newText: text },
    });
  };
  for (const c of fromTaxonomy) if (!have.has(normalizeText(c.name))) add(c.name, true, 'Missing from this survey (taxonomy)');
  if (!bold) for (const name of tocOnlyNames(doc)) add(name, true, 'In the table of contents, not yet a heading');
  for (const s of existing) add(s.text, false, 'Already a section here');
  return items;
}

/** The section a new heading at `level` would sit in: the nearest one above the cursor with a smaller level. */
function enclosingSection(doc: SurveyDocument, position: Position, level: number | undefined): Section | undefined {
  let section = sectionAt(doc, position);
  // The cursor may be on a heading line being typed; it is not its own parent.
  if (section && section.range.start.line === position.line) section = section.parent >= 0 ? doc.sections[section.parent] : undefined;
  while (section && (level === undefined ? section.kind !== 'heading' : section.level >= level)) {
    section = section.parent >= 0 ? doc.sections[section.parent] : undefined;
  }
  return section;
}

/** The taxonomy node named like `section`, at the section's depth in the tree. */
function findCategory(taxonomy: Taxonomy, section: Section): Category | undefined {
  const depth = (section.depth ?? section.level) - taxonomy.topLevel;
  const target = normalizeText(section.text);
  const walk = (nodes: Category[], d: number): Category | undefined => {
    for (const node of nodes) {
      if (d === depth && normalizeText(node.name) === target) return node;
      const found = d < depth && node.children ? walk(node.children, d + 1) : undefined;
      if (found) return found;
    }
    return undefined;
  };
  return walk(taxonomy.categories, 0);
}

/** Names the table of contents links to that lead to no heading yet (sections planned, or renamed away). */
function tocOnlyNames(doc: SurveyDocument): string[] {
  const targets = AnchorTargets.of(doc);
  const headings = new Set(doc.sections.map((s) => normalizeText(s.text)));
  return doc.anchors.flatMap((a) => (a.label && !targets.sectionMeant(a) && !headings.has(normalizeText(a.label)) ? [a.label] : []));
}

function anchorItems(doc: SurveyDocument, range: Range): CompletionItem[] {
  return doc.sections
    .filter((s) => s.slug)
    .map((s, i) => ({
      label: s.text,
      kind: CompletionItemKind.Reference,
      detail: `#${s.slug}`,
      filterText: s.slug!,
      sortText: String(i).padStart(5, '0'),
      textEdit: { range, newText: s.slug! },
    }));
}

function labelItems(settings: SurveyorSettings, range: Range): CompletionItem[] {
  return settings.entry.linkLabels.map((label, i) => ({ label, kind: CompletionItemKind.Keyword, sortText: String(i).padStart(3, '0'), textEdit: { range, newText: label } }));
}

function venueItems(settings: SurveyorSettings, range: Range): CompletionItem[] {
  return knownVenueNames(settings.venues).map((name) => ({ label: name, kind: CompletionItemKind.Value, detail: 'Venue', textEdit: { range, newText: name } }));
}

/** On an empty line right after a numbered entry: the next entry, as a snippet in that list's style. */
function nextEntryItems({ document, doc, position }: CompletionContext, range: Range): CompletionItem[] {
  const previousLine = position.line - 1;
  if (previousLine < 0) return [];
  const list = doc.lists.find((l) => l.ordered && l.range.end.line === previousLine && l.items.some((i) => i.entry));
  if (!list) return [];
  const last = list.items[list.items.length - 1]!;
  if (last.marker.number === undefined || comparePositions(last.range.start, position) > 0) return [];
  const style = styleOf(document, listAround(doc, position, sectionAt(doc, position)) ?? list);
  const number = list.items.every((i) => i.marker.number === 1) ? 1 : last.marker.number + 1;
  const title = style.boldTitle ? '**${1:title}.**' : '${1:title}.';
  const authors = style.authors ? ` ${style.authors}\${2:authors}${style.authors}` : '';
  const link = style.grouped ? '[[paper](${5:url})]' : '[paper](${5:url})';
  const snippet = `${' '.repeat(style.indent)}${number}${style.delimiter} ${title}${authors} \${3:venue} \${4:year}. ${link}`;
  return [
    {
      label: `${number}${style.delimiter} New entry`,
      kind: CompletionItemKind.Snippet,
      detail: 'The next entry of this list',
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range, newText: snippet },
      sortText: '0',
    },
  ];
}
