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

  it('applies a one-letter fix unseen only where the link\'s text spells the heading', () => {
    const spelled = `[Top-K Selection](#top-k-selectiong)\n\n` + BODY;
    assert.equal(fixAll(spelled), spelled.replace('selectiong', 'selection'));
    const silent = `[x](#top-k-selectiong)\n\n` + BODY;
    assert.deepEqual(fixTitles('broken-anchor', silent), ['Change to #top-k-selection']);
    assert.equal(fixAll(silent), silent, 'nothing tells which side has the typo');
    const own = `[Top](#survey)\n\n` + BODY.replace('## Image Augmentation', '## [Image Augmentaton](#image-augmentation)');
    assert.deepEqual(fixTitles('broken-anchor', own), ['Change to #image-augmentaton']);
    assert.equal(fixAll(own), own, 'a link in the heading itself has the heading\'s text, which proves nothing');
  });

  it('offers to rename a misspelled heading back when the link\'s text spells the link\'s anchor, and changes neither unseen', () => {
    // A letter dropped from the heading: the table of contents was right, and must not follow the typo.
    const toc = (...links: string[]) => links.map((l) => `- ${l}\n`).join('') + '\n';
    const text = toc('[Image Augmentation](#image-augmentation)', '[Related Work](#related-work)') + BODY.replace('## Image Augmentation', '## Image Augmentaton');
    assert.deepEqual(findings('broken-anchor', text), [
      `${at(text, 1, "image-")} No heading has the anchor #image-augmentation: the closest is #image-augmentaton ("Image Augmentaton"). The link's text "Image Augmentation" matches #image-augmentation, so the heading may be what changed.`,
    ]);
    assert.deepEqual(fixTitles('broken-anchor', text), ['Rename the heading to "Image Augmentation"', 'Change to #image-augmentaton']);
    assert.equal(fixAll(text), text);
    assert.equal(applyFix('broken-anchor', text, 'Rename the heading to "Image Augmentation"'), text.replace('## Image Augmentaton', '## Image Augmentation'));

    // The heading keeps its own capitals, and numbering around the link's text is not the heading's.
    const lower = toc('[image augmentation](#image-augmentation)') + BODY.replace('## Image Augmentation', '## Image Augmentaton');
    assert.equal(applyFix('broken-anchor', lower, 'Rename the heading to "Image Augmentation"'), lower.replace('## Image Augmentaton', '## Image Augmentation'));
    const numbered = '<ul><li><a href="#image-augmentation">2.1 Image Augmentation</a></li></ul>\n\n' + BODY.replace('## Image Augmentation', '## Imagge Augmentation');
    assert.equal(applyFix('broken-anchor', numbered, 'Rename the heading to "Image Augmentation"'), numbered.replace('## Imagge', '## Image'));
    assert.equal(fixAll(numbered), numbered);
  });

  it('does not offer the heading\'s rename where it would break a working link or lose markup', () => {
    const typo = BODY.replace('## Image Augmentation', '## Image Augmentaton');
    const working = `[Image Augmentation](#image-augmentation) [here](#image-augmentaton)\n\n` + typo;
    assert.deepEqual(fixTitles('broken-anchor', working), ['Change to #image-augmentaton']);
    const markup = `[Image Augmentation](#image-augmentation)\n\n` + BODY.replace('## Image Augmentation', '## **Image** Augmentaton');
    assert.deepEqual(fixTitles('broken-anchor', markup), ['Change to #image-augmentaton']);
    assert.equal(fixAll(markup), markup);
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
