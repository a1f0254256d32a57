import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { document, service } from '../../support/fixtures';
import { applyFix, entry, findings, fixAll, fixTitles } from '../../support/rules';

const paper = 'https://arxiv.org/abs/2305.16289';
const code = 'https://github.com/example/repo';
const line = (links: string) => entry(1, { links }) + '\n';

describe('malformed-link', () => {
  it('accepts well-formed groups, plain links and a link with a title', () => {
    assert.deepEqual(findings('malformed-link', line(`[[paper](${paper})][[code](${code})]`)), []);
    assert.deepEqual(findings('malformed-link', '1. **A title.** Venue 2023. [paper](https://example.org/a)\n'), []);
    assert.deepEqual(findings('malformed-link', line(`[[paper](${paper} "arXiv")]`)), []);
    assert.deepEqual(findings('malformed-link', line(`[[paper](https://en.wikipedia.org/wiki/Graph_(abstract_data_type))]`)), []);
  });

  it('reports a group closed by "}" and fixes it to "]"', () => {
    const text = line(`[[paper](${paper})][[code](${code})}`);
    const column = text.indexOf('}') + 1;
    assert.deepEqual(findings('malformed-link', text), [`1:${column} Link group closed with "}": expected "]" to match the "[" that opens "[[".`]);
    assert.equal(applyFix('malformed-link', text, 'Change to "]"'), line(`[[paper](${paper})][[code](${code})]`));
  });

  it('reports a missing "]" and closes the group', () => {
    const text = line(`[[paper](${paper})[[code](${code})]`);
    assert.match(findings('malformed-link', text)[0]!, /is not closed: expected "]" after the link/);
    assert.equal(applyFix('malformed-link', text, 'Close the link group with "]"'), line(`[[paper](${paper})][[code](${code})]`));
  });

  it('reports a missing "[" and opens the group', () => {
    const text = line(`[[paper](${paper})][code](${code})]`);
    assert.match(findings('malformed-link', text)[0]!, /no opening bracket/);
    assert.equal(applyFix('malformed-link', text, 'Open the link group with "["'), line(`[[paper](${paper})][[code](${code})]`));
  });

  it('takes "[[label]](url)" for a house style where most entries write it, and hints the minority otherwise', () => {
    const outside = [1, 2, 3].map((n) => entry(n, { links: `[[paper]](${paper})` })).join('\n') + '\n';
    assert.deepEqual(findings('malformed-link', outside), []);
    const mixed = [1, 2].map((n) => entry(n, { links: `[[paper](${paper})]` })).join('\n') + '\n' + entry(3, { links: `[[paper]](${paper})` }) + '\n';
    assert.match(findings('malformed-link', mixed)[0]!, /mostly writes "\[\[label\]\(url\)\]"/);
    const diagnostic = service().getDiagnostics(document(mixed)).find((d) => d.code === 'malformed-link')!;
    assert.equal(diagnostic.severity, DiagnosticSeverity.Hint, 'a house style is a hint, never a warning');
    assert.equal(applyFix('malformed-link', mixed, 'Move "]" after the url'), mixed.replace(`[[paper]](${paper})`, `[[paper](${paper})]`));
    assert.equal(fixAll(mixed), mixed, 'a house-style change is offered, never applied unseen');
  });

  it('reads an image link (a badge) as one link, and reports only an image whose url is not closed', () => {
    const badge = '[![GitHub Repo stars](https://img.shields.io/github/stars/o/r)](https://github.com/o/r)';
    assert.deepEqual(findings('malformed-link', line(`[[paper](${paper})] ${badge}`)), []);
    assert.deepEqual(findings('malformed-link', `1. [**A title**](${paper}). _Doe, J._ ACL 2023. ${badge}\n`), []);
    const broken = '[![GitHub Repo stars](https://img.shields.io/github/stars/o/r](https://github.com/o/r)';
    const text = line(`[[paper](${paper})] ${broken}`);
    assert.deepEqual(findings('malformed-link', text).map((f) => f.replace(/^\S+ /, '')), ['Link url is not closed: expected ")" after the url.']);
    assert.equal(applyFix('malformed-link', text, 'Close the url with ")"'), line(`[[paper](${paper})] ${broken.replace('/o/r](', '/o/r)](')}`));
    assert.equal(fixAll(text), text, 'closing it shows the image, which may be another repository\'s badge: offered, not applied unseen');
  });

  it('leaves links to files of the repository alone, and offers https:// only for what looks like a host', () => {
    for (const url of ['./images/cite.txt', 'PROMPT.md', 'tool_using/README.md', '../docs/a.pdf']) assert.deepEqual(findings('malformed-link', line(`[[paper](${paper})][[cite](${url})]`)), [], url);
    assert.match(findings('malformed-link', line(`[[paper](${paper})][[code](github.com/o/r)]`))[0]!, /has no scheme/);
  });

  it('gives a placeholder link without a url a hint', () => {
    const text = line(`[[paper](${paper})][[Coming soon]()]`);
    assert.match(findings('malformed-link', text)[0]!, /no url yet/);
    assert.equal(service().getDiagnostics(document(text)).find((d) => d.code === 'malformed-link')!.severity, DiagnosticSeverity.Hint);
  });

  it('reports "[label] (url)" and removes the space', () => {
    const text = line(`[[paper] (${paper})]`);
    assert.match(findings('malformed-link', text)[0]!, /Space between "\]" and "\("/);
    assert.equal(applyFix('malformed-link', text, 'Remove the space before "("'), line(`[[paper](${paper})]`));
  });

  it('reports an unclosed "(" and closes it before the group ends', () => {
    const text = line(`[[paper](${paper}][[code](${code})]`);
    assert.match(findings('malformed-link', text)[0]!, /url is not closed/);
    assert.equal(applyFix('malformed-link', text, 'Close the url with ")"'), line(`[[paper](${paper})][[code](${code})]`));
  });

  it('reports an empty url, spaces in a url and a foreign scheme, with no fix to guess', () => {
    for (const [links, message] of [
      ['[[paper]()]', /empty url/],
      ['[[paper](https://arxiv.org/abs/2305. 16289)]', /contains spaces/],
      ['[[paper](ftp://example.org/paper.pdf)]', /not a web address/],
    ] as const) {
      const text = line(links);
      assert.match(findings('malformed-link', text)[0]!, message);
      assert.deepEqual(fixTitles('malformed-link', text), []);
    }
  });

  it('reports a url without a scheme and offers https://, but not as a safe fix', () => {
    const text = line(`[[paper](${paper})][[code](github.com/example/repo)]`);
    assert.match(findings('malformed-link', text)[0]!, /has no scheme/);
    assert.equal(applyFix('malformed-link', text, 'Add "https://"'), line(`[[paper](${paper})][[code](https://github.com/example/repo)]`));
    assert.equal(fixAll(text), text);
  });

  it('fix-all repairs brackets and changes nothing else on the line', () => {
    const text = line(`[[paper](${paper})}[[code] (${code})]`);
    assert.equal(fixAll(text), line(`[[paper](${paper})][[code](${code})]`));
  });

  it('still sees an entry whose only link is broken', () => {
    assert.equal(findings('malformed-link', line(`[[paper](${paper}]`)).length, 1);
  });
});
