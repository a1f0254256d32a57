import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Position } from 'vscode-languageserver-types';
import { parseWhole } from '../../server/src/service/model/documentParser';
import { doiOf, isPaperUrl, normalizeUrl } from '../../server/src/service/model/identity';
import { scanHtml } from '../../server/src/service/model/parseChunk';
import { PositionMapper } from '../../server/src/service/model/positions';
import { document, service } from '../support/fixtures';
import { fastest } from '../support/fastest';

/**
 * Hostile lines that made our own regular expressions super-linear, through
 * the paths that read them. regexSafety.test.ts checks every expression's
 * structure; these measure, for what its checker cannot see (a repeated word
 * rather than a repeated character) and for the requests that a long line
 * stalled (hover, document links, code actions, completion, parsing).
 *
 * Each is a ratio, not a time: one input `FACTOR` times longer against
 * `FACTOR` inputs of the small size (the same characters in all). Linear
 * work gives about 1; quadratic work about `FACTOR`.
 */

const FACTOR = 20;
const LIMIT = 5;

let unique = 0;
/** A different text each call, so that no cache answers the second. */
const tag = () => `t${unique++}`;

/** The time of `work` on one input `factor` times `small` over its time on `factor` inputs of size `small`, each the best of three runs. */
function growth(work: (size: number) => unknown, small: number, factor = FACTOR): number {
  work(small); // compiled before it is timed
  const many = fastest(() => {
    for (let i = 0; i < factor; i++) work(small);
  });
  const one = fastest(() => work(small * factor));
  return one / Math.max(many, 0.05);
}

function assertLinear(what: string, work: (size: number) => unknown, small: number, factor = FACTOR, limit = LIMIT): void {
  const ratio = growth(work, small, factor);
  assert.ok(ratio < limit, `${what}: ${factor}× the input took ${(ratio * factor).toFixed(0)}× the time (${ratio.toFixed(1)}× per character)`);
}

const ARXIV = 'https://arxiv.org/abs/2302.05543';
/** A survey around one line, with the line's number and a position inside it. */
function surveyWith(line: string): { text: string; line: number } {
  return { text: `# S ${tag()}\n\n## A\n\n${line}\n`, line: 4 };
}
const at = (line: number, character: number): Position => ({ line, character });

describe('linear time on hostile lines', () => {
  // `https://x…a`: the trailing punctuation of a url in prose was stripped by `[.,;:]+$`, retried from every dot.
  const dots = (n: number) => `See arXiv: https://x${'.'.repeat(n)}a and ${ARXIV}`;

  it('document links on a line of dots', () => {
    assertLinear('documentLinks', (n) => {
      const { text } = surveyWith(dots(n));
      return service().getDocumentLinks(document(text));
    }, 2_000);
  });

  it('hover on a line of dots', () => {
    assertLinear('hover', (n) => {
      const { text, line } = surveyWith(dots(n));
      return service().getHover(document(text), at(line, 12));
    }, 4_000);
  });

  it('code actions on a line of dots, and on an arXiv url followed by spaces', () => {
    const range = (line: number) => ({ start: at(line, 0), end: at(line, 1) });
    assertLinear('codeActions (dots)', (n) => {
      const { text, line } = surveyWith(dots(n));
      return service().getCodeActions(document(text), range(line), { diagnostics: [] });
    }, 2_000);
    // `- <url>   …   x`: whether the line holds only the url was asked with overlapping `\s*` runs.
    assertLinear('codeActions (spaces)', (n) => {
      const { text, line } = surveyWith(`- ${ARXIV}${' '.repeat(n)}x`);
      return service().getCodeActions(document(text), range(line), { diagnostics: [] });
    }, 2_000);
  });

  it('completion after many `](#`', () => {
    assertLinear('completion', (n) => {
      const line = `x${'](#a'.repeat(n / 4)})`;
      const { text, line: number } = surveyWith(line);
      return service().getCompletions(document(text), at(number, line.length));
    }, 4_000);
  });

  it('an entry line with a long run of spaces between the model name and the quoted title', () => {
    assertLinear('entry', (n) => parseWhole(`1. **Model ${tag()}**${' '.repeat(n)}x "Title" [[paper](${ARXIV})]\n`), 5_000);
  });

  it('the identity of a paper link with a long run of `/`: a DOI, and any url', () => {
    assertLinear('doiOf', (n) => doiOf(`https://doi.org/10.1234/${'/'.repeat(n)}${tag()}`), 2_000);
    assertLinear('normalizeUrl', (n) => normalizeUrl(`https://example.com/a${'/'.repeat(n)}${tag()}`), 2_000);
  });

  it('an author list of many `Name and` that fails at its end (exponential before)', () => {
    // Read as authors after a `<br>`: each ` and ` was both a separator and a word of a name.
    assertLinear('names', (k) => parseWhole(`1. **Title ${tag()}** <br> ${'Aa and '.repeat(k)}! [[paper](${ARXIV})]\n`), 14, 2);
  });

  it('a url of many `.pdf?`', () => {
    assertLinear('isPaperUrl', (n) => isPaperUrl(`https://a${'.pdf?'.repeat(n / 5)} ${tag()}`), 2_000);
  });

  it('arXiv link forms in a url with spaces', () => {
    // A whole analysis per call, which at this size costs more than the url: linear work gives well under 1.
    assertLinear('arxiv form', (n) => {
      const url = `<${'arxiv.org/abs/'.repeat(n / 14)} ${tag()}>`;
      return service().getDiagnostics(document(`# S\n\n## A\n\n1. **Title** _Ann Lee_ 2023. [[paper](${url})]\n`));
    }, 8_000, 10, 3);
  });

  it('HTML with many unclosed suppression comments, and many `href` without `>`', () => {
    const scan = (source: string) => {
      // What scanHtml fills; the rest of an outline is the parser's.
      const outline = { suppressions: [], anchors: [], explicitAnchors: [] } as unknown as Parameters<typeof scanHtml>[3];
      scanHtml(source, 0, new PositionMapper(source, 0), outline);
      return outline;
    };
    assertLinear('suppressions', (n) => scan(`${'<!-- surveyor-enable'.repeat(n / 20)}${tag()}`), 2_000);
    assertLinear('hrefs', (n) => scan(`<p ${"href='#'".repeat(n / 8)}${tag()}`), 2_000);
  });
});
