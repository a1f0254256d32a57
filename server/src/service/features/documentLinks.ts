import type { DocumentLink } from 'vscode-languageserver-types';
import { arxivRefsInLine } from '../model/arxivRefs';
import { canonicalAbsUrl } from '../model/arxivId';

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
