import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ListItem, PhrasingContent, Root, RootContent, TableCell } from 'mdast';
import { proseLinkIssues } from '../../server/src/service/model/proseLinks';
import { PositionMapper } from '../../server/src/service/model/positions';
import { fastest } from '../support/fastest';

/**
 * The scan of links outside the entries reads each block once, whatever the
 * text between its brackets. Measured as a ratio, as in linearTime.test.ts:
 * one text `FACTOR` times longer against `FACTOR` texts of the small size.
 * Only the scan is timed: the tree it reads is made by hand here (remark's
 * own time is measured in the parser's tests, and would drown this one).
 * Linear gives about 1, quadratic about `FACTOR`.
 */

const FACTOR = 20;
/** Well under quadratic's 20, well over linear's 1: a scan of a few KB is short enough that a busy machine can triple its time (CI saw 5.3 once). */
const LIMIT = 8;

interface Input {
  text: string;
  root: Root;
  map: PositionMapper;
}

const at = (from: number, to: number) => ({ start: { line: 1, column: 1, offset: from }, end: { line: 1, column: 1, offset: to } });

/**
 * `text` as a tree of blocks: one paragraph per line (a table cell per `|…`
 * cell on a line that starts with `|`), each `` `code` `` in it a code span.
 */
function input(text: string): Input {
  const children: RootContent[] = [];
  for (const line of text.matchAll(/[^\n]+/g)) {
    const from = line.index;
    if (line[0].startsWith('|')) {
      const cells: TableCell[] = [];
      for (const cell of line[0].matchAll(/[^|]+/g)) cells.push({ type: 'tableCell', children: [], position: at(from + cell.index, from + cell.index + cell[0].length) });
      children.push({ type: 'table', children: [{ type: 'tableRow', children: cells }] });
      continue;
    }
    const spans: PhrasingContent[] = [];
    for (const code of line[0].matchAll(/`[^`]*`/g)) spans.push({ type: 'inlineCode', value: '', position: at(from + code.index, from + code.index + code[0].length) });
    children.push({ type: 'paragraph', children: spans, position: at(from, from + line[0].length) });
  }
  return { text, root: { type: 'root', children }, map: new PositionMapper(text) };
}

const NO_ENTRIES = new Set<ListItem>();
const scan = ({ text, root, map }: Input) => proseLinkIssues(root, text, map, NO_ENTRIES);

/** The time of scanning one text `FACTOR` times the size of `small`'s over scanning `FACTOR` texts of that size, the best of three runs each. */
function growth(make: (copies: number) => string, copies: number): number {
  const small = input(make(copies));
  const large = input(make(copies * FACTOR));
  scan(small);
  const many = fastest(() => {
    for (let i = 0; i < FACTOR; i++) scan(small);
  });
  const one = fastest(() => scan(large));
  return one / Math.max(many, 0.05);
}

function assertLinear(what: string, make: (copies: number) => string, copies: number): void {
  const ratio = growth(make, copies);
  assert.ok(ratio < LIMIT, `${what}: ${FACTOR}× the input took ${(ratio * FACTOR).toFixed(0)}× the time (${ratio.toFixed(1)}× per character)`);
}

describe('links outside the entries: linear time', () => {
  it('many paragraphs with a bracket and no link, then one text with no bracket after the first', () => {
    assertLinear('paragraphs of "[a"', (n) => '[a\n'.repeat(n), 250);
    assertLinear('one bracket, then plain paragraphs', (n) => '[a](https://x.org\n' + 'plain words\n'.repeat(n), 250);
  });

  it('links with a stray bracket and no space, spaced-off parentheses, cells, code spans', () => {
    assertLinear('"[a](https://x[a](https://x…"', (n) => '[a](https://x.org/['.repeat(n) + '\n', 25);
    assertLinear('"[a] ([a] (…"', (n) => '[a] ('.repeat(n) + '\n', 500);
    assertLinear('table cells', (n) => '| [a] (https://x.org | [b]() |\n'.repeat(n), 50);
    assertLinear('a long paragraph of code spans and links', (n) => '`[a] (https://x.org)` [b](https://y.org '.repeat(n) + '\n', 100);
  });

  it('finds what it reads: one issue per broken link, none in the code spans', () => {
    const text = '`[a] (https://x.org)` [b] (https://y.org) and [c]()\n| [d](https://z.org | x |\n';
    assert.deepEqual(scan(input(text)).map((i) => i.kind), ['space-before-paren', 'empty-url', 'unclosed-paren']);
  });
});
