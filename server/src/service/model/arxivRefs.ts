import type { Range } from 'vscode-languageserver-types';
import { parseArxivUrl, toArxivId, type ArxivId } from './arxivId';
import { trimEndWhere } from './trimEnd';

/** An arXiv reference found in a line of text: a URL in any of its forms, or `arXiv:ID` in prose. */
export interface ArxivRefInText extends ArxivId {
  range: Range;
}

const URL_IN_TEXT = /https?:\/\/[^\s<>"'()[\]]+/gi;
const ID_IN_TEXT = /\barXiv:((?:\d{4}\.\d{4,5})|(?:[a-z]+(?:-[a-z]+)*(?:\.[A-Za-z]{2})?\/\d{7}))(?:v(\d+))?/gi;

/** Every arXiv reference on one line (`line` is its number, `text` its content). */
export function arxivRefsInLine(text: string, line: number): ArxivRefInText[] {
  const refs: ArxivRefInText[] = [];
  for (const m of text.matchAll(URL_IN_TEXT)) {
    // Punctuation after a url in prose is not part of it.
    const url = trimEndWhere(m[0], (c) => c === '.' || c === ',' || c === ';' || c === ':');
    const parsed = parseArxivUrl(url);
    if (parsed) refs.push({ ...parsed, range: { start: { line, character: m.index }, end: { line, character: m.index + url.length } } });
  }
  for (const m of text.matchAll(ID_IN_TEXT)) {
    refs.push({ ...toArxivId(m[1]!, m[2]), range: { start: { line, character: m.index }, end: { line, character: m.index + m[0].length } } });
  }
  return refs;
}
