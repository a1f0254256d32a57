import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as fs from 'node:fs';
import { MAX_INLINE_MARKS, MAX_NESTING, limitText } from '../../server/src/service/model/parseLimits';
import { parseWhole } from '../../server/src/service/model/documentParser';
import { REFERENCE_SURVEY, corpusFiles, document, readShared, service } from '../support/fixtures';

/**
 * Markdown shaped to break a parser: nesting thousands deep, paragraphs of
 * emphasis marks, lone-CR line endings. The file is still read; the part past
 * a limit gets one `parse-problem`, and defects elsewhere are still found.
 */

const AFTER = '\n\n## B\n\n1. First. _A. Lee._ arXiv 2023. [[paper](https://arxiv.org/abs/2301.00001)]\n3. Second. _B. Kim._ arXiv 2023. [[paper](https://arxiv.org/abs/2301.00002)]\n';

function diagnostics(text: string) {
  return service().getDiagnostics(document(text));
}

function codes(text: string): string[] {
  return diagnostics(text).map((d) => String(d.code));
}

/** Milliseconds of the faster of two whole parses. */
function parseTime(text: string): number {
  let best = Infinity;
  for (let i = 0; i < 2; i++) {
    const t = performance.now();
    parseWhole(text);
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

/** An ordinary list of papers about `size` characters long, to compare against. */
function ordinaryList(size: number): string {
  const line = '1. [**A Title of Some Paper**](https://arxiv.org/abs/2301.01234). _A. Lee, B. Kim._ ACL 2023. [[code](https://github.com/a/b)]\n';
  return '# S\n\n## A\n\n' + line.repeat(Math.ceil(size / line.length));
}

describe('deep nesting', () => {
  for (const [name, hostile] of [
    ['5,000 block quotes on one line', '>'.repeat(5000) + ' 1. deep'],
    ['"> 1. " 1,500 times', '> 1. '.repeat(1500) + 'deep'],
    ['10,000 nested emphasis marks', '- ' + '*'.repeat(10_000) + 'x' + '*'.repeat(10_000)],
    ['nested links 5,000 deep', '- ' + '['.repeat(5000) + 'x' + '](#a)'.repeat(5000)],
  ] as const) {
    it(`${name}: one parse-problem, and the section after it is still checked`, () => {
      const found = codes('# S\n\n## A\n\n' + hostile + AFTER);
      assert.deepEqual(found.filter((c) => c === 'parse-problem').length, 1, found.join(', '));
      assert.ok(found.includes('list-numbering'), `the skipped number in ## B is still found: ${found.join(', ')}`);
    });
  }

  it(`a list nested ${MAX_NESTING} levels is read; the levels past it are not, once reported`, () => {
    const nested = Array.from({ length: 300 }, (_, i) => ' '.repeat(2 * i) + '- x').join('\n');
    const problems = diagnostics('# S\n\n## A\n\n' + nested + AFTER).filter((d) => d.code === 'parse-problem');
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.range.start.line, 4 + MAX_NESTING, 'the first line past the limit (line i holds i + 1 levels)');
  });
});

describe('paragraphs with too many marks', () => {
  it(`a line of ${MAX_INLINE_MARKS * 10} emphasis marks is read as plain text, in linear time`, () => {
    const hostile = '# S\n\n## A\n\n- ' + '*a'.repeat(MAX_INLINE_MARKS * 10) + '\n';
    parseTime(ordinaryList(1000)); // warm up
    const found = codes(hostile + AFTER);
    assert.equal(found.filter((c) => c === 'parse-problem').length, 1);
    const ratio = parseTime(hostile) / parseTime(ordinaryList(hostile.length));
    // Before the limit: about 25× (micromark matches emphasis marks against each other).
    assert.ok(ratio < 10, `the marks took ${ratio.toFixed(1)}× an ordinary list of the same size`);
  });

  it('the real lists stay under both limits: nothing of theirs is skipped', () => {
    for (const file of [...corpusFiles(), REFERENCE_SURVEY]) {
      assert.deepEqual(limitText(fs.readFileSync(file, 'utf8')).problems, [], file);
    }
  });

  it('an HTML table is raw text to Markdown, whatever marks it holds', () => {
    const table = '<table>\n' + '  <tr><td>(a) [b] <i>c</i></td></tr>\n'.repeat(200) + '</table>\n';
    assert.deepEqual(codes('# S\n\n## A\n\n' + table).filter((c) => c === 'parse-problem'), []);
  });
});

describe('lone-CR line endings', () => {
  it('read as line breaks, as CommonMark does: the same findings as with LF', () => {
    const lf = readShared('seed/LLM-data-aug-survey.README.md')!.replace(/\r\n/g, '\n');
    const asLf = diagnostics(lf).map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code}`);
    const asCr = diagnostics(lf.replace(/\n/g, '\r')).map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code}`);
    assert.ok(asLf.length > 0);
    assert.deepEqual(asCr, asLf);
  });

  it('the outline reads the headings', () => {
    const symbols = service().getDocumentSymbols(document('# Survey\r\r## Data\r\r1. A. _X._ 2023.\r'));
    assert.deepEqual(symbols.map((s) => s.name), ['Survey']);
    assert.deepEqual(symbols[0]!.children?.map((s) => s.name), ['Data']);
  });
});
