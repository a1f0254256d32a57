import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { settingsWith } from '../../support/fixtures';
import { applyFix, entry, findings, fixAll } from '../../support/rules';

const withPaper = (url: string, venue = 'arXiv 2023') => entry(1, { venue, links: `[[paper](${url})]` }) + '\n';

describe('arxiv-url-style', () => {
  it('accepts the canonical form and rendered pages', () => {
    assert.deepEqual(findings('arxiv-url-style', withPaper('https://arxiv.org/abs/2305.16289')), []);
    assert.deepEqual(findings('arxiv-url-style', withPaper('https://arxiv.org/html/2305.16289v2')), []);
    assert.deepEqual(findings('arxiv-url-style', withPaper('https://ar5iv.labs.arxiv.org/html/2305.16289')), []);
  });

  it('reports each departure in words and fixes to the canonical url (the survey writes abs links)', () => {
    const cases: [string, string][] = [
      ['https://arxiv.org/pdf/2305.16289.pdf', 'pdf link instead of abs, ".pdf" suffix'],
      ['http://arxiv.org/abs/2305.16289', 'http: instead of https:'],
      ['https://export.arxiv.org/abs/2305.16289v2', 'host export.arxiv.org, pinned version v2'],
      ['https://www.arxiv.org/abs/2305.16289', 'host www.arxiv.org'],
    ];
    const others = [2, 3].map((n) => entry(n, { links: `[[paper](https://arxiv.org/abs/2305.1630${n})]` })).join('\n') + '\n';
    for (const [url, why] of cases) {
      const text = withPaper(url) + others;
      assert.deepEqual(findings('arxiv-url-style', text), [
        `1:${text.indexOf(url) + 1} arXiv link not in the survey's form (${why}): expected https://arxiv.org/abs/2305.16289.`,
      ]);
      assert.equal(applyFix('arxiv-url-style', text, 'Change to https://arxiv.org/abs/2305.16289'), withPaper('https://arxiv.org/abs/2305.16289') + others);
      assert.equal(fixAll(text), withPaper('https://arxiv.org/abs/2305.16289') + others, 'the fix is safe');
    }
  });

  it("takes the survey's own majority form: pdf links, with or without .pdf, in a survey that writes them so", () => {
    const pdfSurvey = [1, 2, 3].map((n) => entry(n, { links: `[[paper](https://arxiv.org/pdf/2305.1630${n}.pdf)]` })).join('\n') + '\n';
    assert.deepEqual(findings('arxiv-url-style', pdfSurvey), []);
    const withoutSuffix = pdfSurvey + entry(5, { links: '[[paper](https://arxiv.org/pdf/2305.16305)]' }) + '\n';
    assert.deepEqual(findings('arxiv-url-style', withoutSuffix), [], '/pdf/ID and /pdf/ID.pdf are one PDF');
    const odd = pdfSurvey + entry(4, { links: '[[paper](https://arxiv.org/abs/2305.16304)]' }) + '\n';
    assert.deepEqual(findings('arxiv-url-style', odd).map((f) => f.replace(/^\S+ /, '')), [
      'arXiv link not in the survey\'s form (abs link instead of pdf): expected https://arxiv.org/pdf/2305.16304.pdf.',
    ]);
    const abs = settingsWith((s) => (s.arxiv = { ...s.arxiv, urlStyle: 'abs' }));
    assert.equal(findings('arxiv-url-style', pdfSurvey, abs).length, 3, 'the setting overrides the habit');
  });

  it('keeps the ".pdf" a pdf link was written with or without when it fixes something else', () => {
    const pdfSurvey = [1, 2, 3].map((n) => entry(n, { links: `[[paper](https://arxiv.org/pdf/2305.1630${n}.pdf)]` })).join('\n') + '\n';
    for (const [written, fixed] of [
      ['http://arxiv.org/pdf/2305.16305', 'https://arxiv.org/pdf/2305.16305'],
      ['https:///arxiv.org/pdf/2305.16305', 'https://arxiv.org/pdf/2305.16305'], // a slash too many, which a browser forgives
      ['http://arxiv.org/pdf/2305.16305.pdf', 'https://arxiv.org/pdf/2305.16305.pdf'],
    ]) {
      const text = pdfSurvey + entry(4, { links: `[[paper](${written})]` }) + '\n';
      assert.equal(fixAll(text), text.replace(written, fixed), written);
    }
  });

  it('follows arxiv.urlStyle and arxiv.keepVersion', () => {
    const pdf = settingsWith((s) => (s.arxiv = { ...s.arxiv, urlStyle: 'pdf', keepVersion: true }));
    assert.deepEqual(findings('arxiv-url-style', withPaper('https://arxiv.org/pdf/2305.16289v2'), pdf), []);
    const text = withPaper('https://arxiv.org/abs/2305.16289v2');
    assert.equal(applyFix('arxiv-url-style', text, 'Change to https://arxiv.org/pdf/2305.16289v2', 0, pdf), withPaper('https://arxiv.org/pdf/2305.16289v2'));
  });

  it('is a hint by default', () => {
    assert.equal(settingsWith().rules['arxiv-url-style'], 'hint');
  });
});
