import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ArxivRecord, MetadataSource, MetadataState } from '../../server/src/service/metadata';
import { SurveyorLanguageService } from '../../server/src/service/languageService';
import { defaultSettings } from '../../shared/settings';
import { dedent, document, withCursor } from '../support/fixtures';

const record = (over: Partial<ArxivRecord> = {}): ArxivRecord => ({
  id: '2305.16289',
  title: 'Diversify Your Vision Datasets with Automatic Diffusion-Based Augmentation',
  authors: ['Lisa Dunlap', 'Alyssa Umino', 'Han Zhang', 'Jiezhi Yang', 'Joseph E. Gonzalez', 'Trevor Darrell', 'Third Author', 'Fourth Author'],
  published: '2023-05-25',
  updated: '2023-10-30',
  version: 2,
  primaryCategory: 'cs.CV',
  journalRef: 'NeurIPS 2023',
  doi: '10.0000/example',
  comment: '16 pages',
  abstract: 'x'.repeat(500),
  ...over,
});

function hoverAt(fixture: string, states: Record<string, MetadataState>, online = true): string | undefined {
  const { text, position } = withCursor(fixture);
  const metadata: MetadataSource = { lookup: (id) => states[id] ?? { kind: 'unknown' }, online };
  const service = new SurveyorLanguageService({ settings: { settingsFor: () => defaultSettings() }, logger: { log: () => {} }, metadata });
  const h = service.getHover(document(text), position);
  return h ? (h.contents as { value: string }).value : undefined;
}

const known = (r: ArxivRecord): MetadataState => ({ kind: 'known', record: r, source: 'arxiv', fetching: false });

describe('hover', () => {
  const survey = dedent(`
    ## Image
    1. Diversify your vision datasets with automatic diffusion-based augmentation. _Dunlap, L. et al._ arXiv 2023. [[paper](https://arxiv.org/abs/2305.1$06289)][[code](https://github.com/lisadunlap/ALIA)]
    ## Text
    1. Diversify vision data. _Dunlap, L. et al._ arXiv 2023. [[paper](https://arxiv.org/pdf/2305.16289v2.pdf)]
  `);

  it('shows the paper as arXiv has it, and every listing in the document', () => {
    const value = hoverAt(survey, { '2305.16289': known(record()) })!;
    assert.match(value, /^\*\*Diversify Your Vision Datasets with Automatic Diffusion\\-Based Augmentation\*\*/);
    assert.match(value, /Lisa Dunlap, Alyssa Umino, Han Zhang, Jiezhi Yang, Joseph E\\\. Gonzalez, Trevor Darrell and 2 more/);
    assert.match(value, /v1 2023-05-25/);
    assert.match(value, /v2 2023-10-30 · cs\\\.CV/);
    assert.match(value, /Journal: NeurIPS 2023/);
    assert.match(value, /DOI: 10\\\.0000\\\/example/);
    assert.match(value, /x{400}…/);
    assert.doesNotMatch(value, /x{401}/);
    assert.match(value, /\[Abstract\]\(https:\/\/arxiv\.org\/abs\/2305\.16289\) · \[PDF\]\(https:\/\/arxiv\.org\/pdf\/2305\.16289\)/);
    assert.match(value, /Listed in: Image \(line 2\), Text \(line 4\)/);
    assert.doesNotMatch(value, /differs/, 'same title but for case');
  });

  it("says when the entry's title differs from arXiv's", () => {
    const fixture = survey.replace('[[paper](https://arxiv.org/abs/2305.1$06289)]', '[[paper](https://arxiv.org/abs/2305.16289)]').replace('pdf/2305.16289v2.pdf', 'pdf/2305.1$06289v2.pdf');
    assert.match(hoverAt(fixture, { '2305.16289': known(record()) })!, /This entry's title differs from arXiv's: "Diversify vision data"/);
  });

  it('works on arXiv:ID in prose and on old-style ids, and says fetching or offline when unknown', () => {
    assert.match(hoverAt('See arXiv:2305.1$06289 for details.\n', { '2305.16289': { kind: 'fetching' } })!, /arXiv 2305\\\.16289\*\*: fetching…/);
    assert.match(hoverAt('[x](https://arxiv.org/abs/hep-th/99$001001)\n', {}, false)!, /fetching is off \(`surveyor\.arxiv\.online`\)/);
    assert.match(hoverAt('[x](https://arxiv.org/abs/2305.99$0999)\n', { '2305.99999': { kind: 'missing', reason: 'arXiv has no paper with this id' } })!, /arXiv has no paper with this id/);
  });

  it('renders network text inert: no link, HTML or command URI survives', () => {
    const evil = record({
      title: '[Click me](command:workbench.action.quit) <img src=x onerror=alert(1)> **bold** https://evil.example',
      authors: ['<script>alert(1)</script>', '[x](javascript:alert(1))'],
      abstract: '![img](https://evil.example/i.png) <a href="command:x">a</a>',
    });
    const value = hoverAt(survey, { '2305.16289': known(evil) })!;
    const ours = value.replace(/\[Abstract\]\(https:\/\/arxiv\.org\/abs\/2305\.16289\) · \[PDF\]\(https:\/\/arxiv\.org\/pdf\/2305\.16289\)/, '');
    assert.doesNotMatch(ours, /(?<!\\)\[/, 'no unescaped [ outside our own links');
    assert.doesNotMatch(ours, /(?<!\\)\]\(/, 'no link syntax');
    assert.doesNotMatch(ours, /<(?:img|script|a)\b/i, 'no HTML');
    assert.doesNotMatch(ours, /https:\/\/evil/, 'no autolink');
    assert.doesNotMatch(ours, /(?<!\\)\*\*bold/, 'no emphasis from the network');
  });

  it('on a heading: the papers under it and how many have code', () => {
    const fixture = dedent(`
      ## Ima$0ge
      1. A. _Doe, J._ arXiv 2023. [[paper](https://arxiv.org/abs/2305.16289)][[code](https://github.com/a/b)]
      2. B. _Doe, J._ arXiv 2023. [[paper](https://arxiv.org/abs/2305.16290)]
      ### Sub
      1. C. _Doe, J._ arXiv 2023. [[paper](https://arxiv.org/abs/2305.16291)][[code](https://gitlab.com/c/d)]
      ## Text
      1. D. _Doe, J._ arXiv 2023. [[paper](https://arxiv.org/abs/2305.16292)]
    `);
    assert.equal(hoverAt(fixture, {}), '**Image**: 3 papers · 2 with code');
  });
});
