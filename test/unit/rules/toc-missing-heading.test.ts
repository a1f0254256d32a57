import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dedent } from '../../support/fixtures';
import { at, findings } from '../../support/rules';

describe('toc-missing-heading', () => {
  const toc = (links: string[]) => links.map((l) => `- [${l}](#${l})`).join('\n') + '\n\n';
  const body = dedent(`
    ## One
    ### One A
    #### Detail
    ## Two
    ## Three
  `);

  it('reports a heading of the levels the table covers that it does not link to', () => {
    const text = toc(['one', 'one-a', 'two']) + body;
    assert.deepEqual(findings('toc-missing-heading', text), [
      `${at(text, 9, 'Three')} Heading "Three" is not in the table of contents: expected a link to #three there.`,
    ]);
  });

  it('counts a misspelled link as covering the heading it meant, and needs a table to speak', () => {
    assert.deepEqual(findings('toc-missing-heading', toc(['one', 'one-a', 'two', 'thre']) + body), []);
    assert.deepEqual(findings('toc-missing-heading', toc(['one']) + body), [], 'one link is not a table of contents');
  });
});
