import fc from 'fast-check';

/**
 * Random edits for the incremental parsing and analysis tests: what typing,
 * pasting and reorganising a survey do to its text, block openers included.
 */

/** Text that opens or closes blocks, to be dropped at the start of a line. */
const BLOCK_SNIPPETS = [
  '```\n', '~~~\n', '````md\n', '<!--\n', '-->\n', '<details>\n', '</details>\n', '<script>\n', '</script>\n',
  '<div>\n', '# Heading\n', '## Approaches\n', '#### Top-K Selection\n', '***Bold category***\n', '\n', '\n\n',
  '1. Entry. _Doe, J. et al._ arXiv 2024. [[paper](https://arxiv.org/abs/2401.00001)]\n', '> quote\n', '    indented code\n',
  '- bullet\n', '   ```\n', '<!-- one line -->\n', '<?php\n', '<![CDATA[\n', '# \n', '#\n',
];

export type Edit =
  | { kind: 'insert'; at: number; text: string; lineStart: boolean }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'paste'; from: number; length: number; to: number }
  | { kind: 'deleteHeading'; which: number }
  | { kind: 'moveSection'; which: number; to: number; keep: boolean };

export const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...BLOCK_SNIPPETS), lineStart: fc.constant(true) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ maxLength: 12 }), lineStart: fc.boolean() }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.nat({ max: 400 }) }),
  fc.record({ kind: fc.constant('paste' as const), from: fc.nat(), length: fc.nat({ max: 1500 }), to: fc.nat() }),
  fc.record({ kind: fc.constant('deleteHeading' as const), which: fc.nat() }),
  fc.record({ kind: fc.constant('moveSection' as const), which: fc.nat(), to: fc.nat(), keep: fc.boolean() }),
);

function lineStartOf(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

export function apply(text: string, edit: Edit): string {
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
    case 'moveSection': {
      // A section (heading to next heading) cut and pasted before another heading, or copied there (keep).
      const headings = [...text.matchAll(/^#{1,6} /gm)].map((m) => m.index);
      if (headings.length < 2) return text;
      const i = edit.which % headings.length;
      const from = headings[i]!;
      const end = headings[i + 1] ?? text.length;
      const section = text.slice(from, end);
      const rest = edit.keep ? text : text.slice(0, from) + text.slice(end);
      const targets = [...rest.matchAll(/^#{1,6} /gm)].map((m) => m.index);
      const to = targets[edit.to % targets.length] ?? rest.length;
      return rest.slice(0, to) + (section.endsWith('\n') ? section : section + '\n') + rest.slice(to);
    }
    case 'deleteHeading': {
      const headings = [...text.matchAll(/^#{1,6} .*(\n|$)/gm)];
      if (headings.length === 0) return text;
      const h = headings[edit.which % headings.length]!;
      return text.slice(0, h.index) + text.slice(h.index + h[0].length);
    }
  }
}
