import type { Position, Range } from 'vscode-languageserver-types';
import type { Entry, ListBlock, Span } from './types';

/**
 * Moves every position in lists (their items, markers and entries) down by
 * `delta` lines, in place. The lists are the model's bulk, and after an
 * Enter near the top of a long survey most of them move: a walk that knows
 * their shape does it many times faster than a generic one. The parser's
 * property tests compare the result with a whole parse, so a field added to
 * the model and forgotten here does not go unnoticed.
 */
export function moveListsDown(lists: ListBlock[], delta: number): void {
  if (delta === 0) return;
  for (const list of lists) {
    move(list.range, delta);
    for (const item of list.items) {
      move(item.range, delta);
      if (item.marker.numberRange) move(item.marker.numberRange, delta);
      if (item.entry) moveEntry(item.entry, delta);
    }
  }
}

function moveEntry(entry: Entry, delta: number): void {
  move(entry.range, delta);
  for (const span of [entry.title, entry.authors, entry.venue, entry.year]) if (span) moveSpan(span, delta);
  for (const link of entry.links) {
    moveSpan(link.label, delta);
    moveSpan(link.url, delta);
    move(link.range, delta);
  }
  for (const issue of entry.linkIssues) {
    move(issue.range, delta);
    if (issue.repair) move(issue.repair.range, delta);
  }
  if (entry.arxiv) move(entry.arxiv.range, delta);
}

function moveSpan(span: Span, delta: number): void {
  move(span.range, delta);
}

function move(range: Range, delta: number): void {
  movePosition(range.start, delta);
  // A range whose ends are one object (an empty range made so) moves once.
  if (range.end !== range.start) movePosition(range.end, delta);
}

function movePosition(position: Position, delta: number): void {
  position.line += delta;
}
