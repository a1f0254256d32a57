import type { Position, Range, TextEdit } from 'vscode-languageserver-types';
import { rangeContains } from '../model/positions';
import { UniqueSlugs } from '../model/slugs';
import type { SurveyDocument } from '../model/types';
import { linksTo } from './underCursor';
import { UserError } from '../userError';

/** Only a heading's text can be renamed; the answer is its range and current text. */
export function prepareRename(doc: SurveyDocument, position: Position): { range: Range; placeholder: string } | null {
  const heading = doc.sections.find((s) => s.kind === 'heading' && rangeContains(s.textRange, position));
  return heading ? { range: heading.textRange, placeholder: heading.text } : null;
}

/**
 * Renames a heading and, in the same edit, every `#fragment` (Markdown or
 * HTML) that leads to it. Other headings whose GitHub slug shifts because of
 * the new name (`-1`, `-2` for repeats) have their links updated too.
 */
export function rename(doc: SurveyDocument, position: Position, newName: string): TextEdit[] {
  const index = doc.sections.findIndex((s) => s.kind === 'heading' && rangeContains(s.textRange, position));
  if (index < 0) throw new UserError("Only a heading can be renamed here: put the cursor on a heading's text.");
  const name = newName.trim();
  if (name === '' || /[\r\n]/.test(newName)) throw new UserError('A heading name must be one non-empty line.');
  // A NUL would make the file binary to Git; a lone surrogate is no character at all, and cannot be written as UTF-8.
  if (newName.includes('\u0000') || LONE_SURROGATE.test(newName)) throw new UserError('A heading name cannot hold a NUL character or a broken Unicode character.');
  const heading = doc.sections[index]!;
  const edits: TextEdit[] = [{ range: heading.textRange, newText: name }];
  const slugs = new UniqueSlugs();
  for (const [i, section] of doc.sections.entries()) {
    if (section.kind !== 'heading') continue;
    const slug = slugs.next(i === index ? name : section.text);
    if (slug === section.slug) continue;
    for (const anchor of linksTo(doc, section)) edits.push({ range: anchor.range, newText: slug });
  }
  return edits;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
