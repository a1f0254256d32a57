import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { IncrementalParser, parseWhole } from '../../server/src/service/model/documentParser';
import { editArb, apply } from '../support/edits';
import { dedent, readShared } from '../support/fixtures';
import { PROPERTY_RUNS } from '../support/propertyRuns';

function assertSameAsWhole(parser: IncrementalParser, text: string): void {
  assert.deepStrictEqual(parser.parse(text).model, parseWhole(text));
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
    const before = parser.parse(text).model;
    const after = parser.parse(text.replace('1. b', '1. bb')).model;
    // The first chunk's objects are reused as they are; the edited one is new.
    assert.equal(after.lists[0], before.lists[0]);
    assert.notEqual(after.lists[1], before.lists[1]);
  });

  it('reads long lists in pieces exactly as a whole parse does, whatever surrounds their items', () => {
    // Long runs of items (so that cuts happen) with what can stand between or inside them: their own
    // indented lines, nested lists, blank lines, fences and HTML; and lines that end a list or look
    // like items where they are not (lazy paragraph lines, quotes, a marker that changes).
    const marker = fc.constantFrom('1.', '2.', '10.', '3)', '-', '*', '+');
    const inside = fc.constantFrom('   continued text', '    - nested', '      1. deeper', '', '   ```', '   code', '   <div>', '\tcontinued', '   > quoted');
    const between = fc.constantFrom('plain paragraph text', '> quote', '```', '<!--', '-->', '<div>', '', '# Heading', '***Bold***', '2.no space', ' 3. indented', 'lazy line');
    const item = fc.tuple(fc.constantFrom('1.', '2.', '10.'), fc.string({ maxLength: 12 }), fc.array(inside, { maxLength: 2 })).map(([m, t, rest]) => [`${m} Entry ${t}`, ...rest]);
    const run = fc.tuple(marker, fc.array(item, { minLength: 5, maxLength: 60 })).map(([m, items]) =>
      items.map(([first, ...rest]) => [first!.replace(/^\S+/, m), ...rest].join('\n')).join('\n'),
    );
    const text = fc.array(fc.oneof({ weight: 4, arbitrary: run }, { weight: 1, arbitrary: between }), { minLength: 1, maxLength: 8 }).map((parts) => parts.join('\n') + '\n');
    fc.assert(
      fc.property(text, (t) => {
        assert.deepStrictEqual(new IncrementalParser().parse(t).model, parseWhole(t));
      }),
      { numRuns: PROPERTY_RUNS * 3 },
    );
    // The real lists, read whole and in pieces, are compared in test/stress/corpusParse.test.ts (seconds each).
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
      { numRuns: PROPERTY_RUNS },
    );
  });
});
