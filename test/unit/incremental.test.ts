import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { IncrementalParser, parseWhole } from '../../server/src/service/model/documentParser';
import { dedent, readShared } from '../support/fixtures';

/** Text that opens or closes blocks, to be dropped at the start of a line. */
const BLOCK_SNIPPETS = [
  '```\n', '~~~\n', '````md\n', '<!--\n', '-->\n', '<details>\n', '</details>\n', '<script>\n', '</script>\n',
  '<div>\n', '# Heading\n', '## Approaches\n', '#### Top-K Selection\n', '***Bold category***\n', '\n', '\n\n',
  '1. Entry. _Doe, J. et al._ arXiv 2024. [[paper](https://arxiv.org/abs/2401.00001)]\n', '> quote\n', '    indented code\n',
  '- bullet\n', '   ```\n', '<!-- one line -->\n', '<?php\n', '<![CDATA[\n', '# \n', '#\n',
];

type Edit =
  | { kind: 'insert'; at: number; text: string; lineStart: boolean }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'paste'; from: number; length: number; to: number }
  | { kind: 'deleteHeading'; which: number };

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...BLOCK_SNIPPETS), lineStart: fc.constant(true) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ maxLength: 12 }), lineStart: fc.boolean() }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.nat({ max: 400 }) }),
  fc.record({ kind: fc.constant('paste' as const), from: fc.nat(), length: fc.nat({ max: 1500 }), to: fc.nat() }),
  fc.record({ kind: fc.constant('deleteHeading' as const), which: fc.nat() }),
);

function lineStartOf(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

function apply(text: string, edit: Edit): string {
  const n = text.length + 1;
  switch (edit.kind) {
    case 'insert': {
      const at = edit.lineStart ? lineStartOf(text, edit.at % n) : edit.at % n;
      return text.slice(0, at) + edit.text + text.slice(at);
    }
    case 'delete': {
      const at = edit.at % n;
      return text.slice(0, at) + text.slice(at + edit.length);
    }
    case 'paste': {
      const from = lineStartOf(text, edit.from % n);
      const block = text.slice(from, from + edit.length);
      const to = lineStartOf(text, edit.to % n);
      return text.slice(0, to) + block + text.slice(to);
    }
    case 'deleteHeading': {
      const headings = [...text.matchAll(/^#{1,6} .*(\n|$)/gm)];
      if (headings.length === 0) return text;
      const h = headings[edit.which % headings.length]!;
      return text.slice(0, h.index) + text.slice(h.index + h[0].length);
    }
  }
}

function assertSameAsWhole(parser: IncrementalParser, text: string): void {
  assert.deepStrictEqual(parser.parse(text), parseWhole(text));
}

describe('incremental parsing', () => {
  it('agrees with a whole parse around blocks that swallow headings', () => {
    const cases = [
      '# A\n```\n# inside fence\n## still inside\n```\n# B\n',
      '# A\n```\n# never closed\n## B\n',
      '# A\n<!--\n# in a comment\n-->\n# B\n',
      '# A\n<details>\n# swallowed by the HTML block\n\n# B\n',
      '# A\n<div>\n\n# after the blank line\n',
      '# A\n1. item\n   ```\n# heading closes the item and its fence\n',
      '# A\r\n1. a\r\n3. b\r\n# B\r\n<!--\r\n# C\r\n-->\r\n',
      '# A\n<script>\n# x\n</script>\n# B\n~~~~\n# y\n~~~\n# z\n',
      'no heading at all\n1. a\n',
      '#\n#\n# \n#not a heading\n',
    ];
    for (const text of cases) {
      const parser = new IncrementalParser();
      assertSameAsWhole(parser, text);
      // And after edits that open and close blocks above the headings.
      assertSameAsWhole(parser, '```\n' + text);
      assertSameAsWhole(parser, text + '\n```\n');
      assertSameAsWhole(parser, text.replace('# A', '<!--\n# A'));
    }
  });

  it('re-parses only the chunk an edit touches', () => {
    const text = dedent(`
      # One
      1. a
      # Two
      1. b
    `);
    const parser = new IncrementalParser();
    const before = parser.parse(text);
    const after = parser.parse(text.replace('1. b', '1. bb'));
    // The first chunk's objects are reused as they are; the edited one is new.
    assert.equal(after.lists[0], before.lists[0]);
    assert.notEqual(after.lists[1], before.lists[1]);
  });

  it('after any sequence of edits to the reference survey, equals a parse from scratch', () => {
    const seed = readShared('seed', 'LLM-data-aug-survey.README.md');
    fc.assert(
      fc.property(fc.array(editArb, { minLength: 1, maxLength: 8 }), (edits) => {
        const parser = new IncrementalParser();
        let text = seed;
        parser.parse(text);
        for (const edit of edits) {
          text = apply(text, edit);
          assertSameAsWhole(parser, text);
        }
      }),
      { numRuns: Number(process.env.SURVEYOR_PROPERTY_RUNS ?? 30) },
    );
  });
});
