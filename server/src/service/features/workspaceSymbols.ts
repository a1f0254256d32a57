import { SymbolKind, type SymbolInformation } from 'vscode-languageserver-types';
import type { SurveyDocument } from '../model/types';

/** Papers whose title contains every word of the query, across the given surveys. */
export function workspaceSymbols(surveys: { uri: string; doc: SurveyDocument }[], query: string): SymbolInformation[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const found: SymbolInformation[] = [];
  for (const { uri, doc } of surveys) {
    for (const entry of doc.entries) {
      const title = entry.title?.text;
      if (!title) continue;
      const lower = title.toLowerCase();
      if (!words.every((w) => lower.includes(w))) continue;
      found.push({ name: title, kind: SymbolKind.String, location: { uri, range: entry.title!.range }, containerName: entry.venue?.text ?? '' });
      if (found.length >= 500) return found;
    }
  }
  return found;
}
