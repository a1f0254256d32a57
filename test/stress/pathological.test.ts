import { describe, it } from 'node:test';
import { exercise } from '../support/exercise';

/** Inputs on which parsing is slow (seconds, not milliseconds): here rather than in `npm test`. */
describe('pathological input', () => {
  it('copes with a 100,000-character line and deeply nested lists and quotes', () => {
    exercise(`1. ${'[[a](b)'.repeat(14_000)} _Doe, J._ arXiv 2023.\n`);
    exercise(Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n'));
    exercise('>'.repeat(500) + ' quote\n' + '['.repeat(5000) + ']'.repeat(5000));
  });
});
