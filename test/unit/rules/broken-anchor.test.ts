import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dedent } from '../../support/fixtures';
import { applyFix, at, findings, fixAll, fixTitles } from '../../support/rules';

const BODY = dedent(`
  # Survey
  ## Image Augmentation
  ### Top-K Selection
  ## Related Work
  ## Related Work
  ## Part A
  ## Part B
  <a name="citation-anchor"></a>
`);

describe('broken-anchor', () => {
  it('accepts heading slugs (with -1 for a repeated heading), explicit anchors and empty fragments', () => {
    const text = dedent(`
      - [a](#image-augmentation) [b](#top-k-selection) [c](#related-work-1) [d](#citation-anchor) [e](#)
      - <a href="#related-work">f</a>
    `) + BODY;
    assert.deepEqual(findings('broken-anchor', text), []);
  });

  it('reports a fragment that differs only in case, with its own message and a safe fix', () => {
    const text = `<a href="#Image-Augmentation">Images</a>\n\n` + BODY;
    assert.deepEqual(findings('broken-anchor', text), [
      `${at(text, 1, 'Image-')} Anchor #Image-Augmentation differs from #image-augmentation only in case: github.com's page script forgives that, but npm, GitLab, PyPI and VS Code's preview do not, so the link leads nowhere there.`,
    ]);
    assert.equal(fixAll(text), text.replace('#Image-Augmentation', '#image-augmentation'));
  });

  it('offers the clearly closest heading for a typo, in Markdown and in HTML', () => {
    const markdown = `[Top](#top-k-selectiong)\n\n` + BODY;
    assert.deepEqual(findings('broken-anchor', markdown), [
      `1:8 No heading has the anchor #top-k-selectiong: the closest is #top-k-selection ("Top-K Selection").`,
    ]);
    assert.equal(applyFix('broken-anchor', markdown, 'Change to #top-k-selection'), markdown.replace('selectiong', 'selection'));
    const html = `<li><a href="#image-augmentaton">x</a></li>\n\n` + BODY;
    assert.equal(applyFix('broken-anchor', html, 'Change to #image-augmentation'), html.replace('augmentaton', 'augmentation'));
  });

  it('offers no fix when no heading is clearly closest, and leaves a far guess out of fix-all', () => {
    const nowhere = `[x](#completely-unrelated)\n\n` + BODY;
    assert.deepEqual(findings('broken-anchor', nowhere), ['1:6 No heading or anchor has the name #completely-unrelated: the link leads nowhere.']);
    assert.deepEqual(fixTitles('broken-anchor', nowhere), []);
    const tie = `[x](#part-c)\n\n` + BODY;
    assert.deepEqual(fixTitles('broken-anchor', tie), [], '#part-a and #part-b are equally close');
    const far = `[x](#image-augmentatio-x)\n\n` + BODY;
    assert.deepEqual(fixTitles('broken-anchor', far), ['Change to #image-augmentation']);
    assert.equal(fixAll(far), far, 'two edits away: offered, not applied unseen');
  });
});
