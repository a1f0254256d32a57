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

  it('reports a stray bracket inside a url, and offers to take it out without applying it unseen', () => {
    // GitHub shows `[paper](https://arxi[v.org/…)` as a link to that url: closing the url before the `[` would cut the id off.
    for (const [url, bracket] of [
      ['https://arxi[v.org/abs/2302.05543', '['],
      ['https://arxiv.or]g/abs/2302.05543', ']'],
    ] as const) {
      const text = line(`[[paper](${url})]`);
      assert.deepEqual(findings('malformed-link', text).map((f) => f.replace(/^\S+ /, '')), [
        `Link url "${url}" contains "${bracket}": a stray bracket most likely, so the link leads to the wrong address; expected the url without it.`,
      ]);
      assert.equal(fixAll(text), text, `${url}: the url changes, so it is offered, not applied unseen`);
      assert.equal(applyFix('malformed-link', text, 'Remove the stray bracket from the url'), line('[[paper](https://arxiv.org/abs/2302.05543)]'));
    }
  });

  it('closes an unclosed url unseen only where its end is certain', () => {
    const certain = line(`[[paper](${paper}][[code](${code})]`);
    assert.equal(fixAll(certain), line(`[[paper](${paper})][[code](${code})]`), 'before the "]" that closes its group');
    const last = (url: string) => entry(1, { links: `[paper](${url}` }) + '\n' + entry(2, { links: `[paper](${code})` }) + '\n';
    assert.equal(fixAll(last(paper)), last(`${paper})`), 'at the end of an entry, the next item of its list after it');
    for (const doubtful of [
      line('[[paper](https://arxiv.o(rg/abs/2305.16289)]'), // the "(" may be the stray one, and its ")" the link's
      line(`[[paper]((${paper})]`),
      entry(1, { links: '[[paper](https://arxiv.org/abs/' }) + '\n   2305.16289)]\n', // the url may go on on the next line
      entry(1, { links: '[paper](https://example.org/stamp.jsp?arnumber=17161' }) + '\n74)\n', // …and did, where its end reads as a list item
    ]) {
      assert.ok(findings('malformed-link', doubtful).some((f) => /url is not closed/.test(f)), doubtful);
      const brackets = (text: string) => text.replace(/[^()[\]]/g, '');
      assert.equal(brackets(fixAll(doubtful)), brackets(doubtful), doubtful);
    }
  });

  it('closes or opens a group unseen only where the bracket certainly goes there', () => {
    assert.equal(fixAll(line(`[[paper](${paper}), 2023`)), line(`[[paper](${paper})], 2023`));
    for (const doubtful of [
      line('[[paper](https://arxiv.)org/abs/2305.16289)]'), // a stray ")" cut the url short
      line(`[[pap[er](${paper})]`), // a stray "[" in the label, not a missing one before it
      line(`[[paper](https://example.org/a))]`), // closed after all: the ")" is the url's
      entry(1, { links: `[[paper](${paper})` }) + '\n   ], 2023\n', // closed after all, past a line break
      entry(1, { links: '[' }) + `\n   [paper](${paper})]\n`, // opened after all, before a line break
    ]) {
      assert.equal(findings('malformed-link', doubtful).length, 1, doubtful);
      assert.equal(fixTitles('malformed-link', doubtful).length, 1, doubtful);
      assert.equal(fixAll(doubtful), doubtful, doubtful);
    }
  });

  it('leaves a group bracket to the writer where the section does not write groups', () => {
    // `[[paper](url)` among entries that write `[paper](url)`: the "[" is as likely a stray one as the "]" missing.
    const plain = [1, 2, 3].map((n) => entry(n, { links: `[paper](https://arxiv.org/abs/2305.1630${n})` }));
    const text = [...plain, entry(4, { links: `[[paper](${paper})` })].join('\n') + '\n';
    assert.equal(findings('malformed-link', text).length, 1);
    assert.deepEqual(fixTitles('malformed-link', text), ['Close the link group with "]"']);
    assert.equal(fixAll(text), text);
    const grouped = [1, 2, 3].map((n) => entry(n)).join('\n') + '\n' + line(`[[paper](${paper})`).replace(/^1\./, '4.');
    assert.equal(fixAll(grouped), grouped.replace(`[[paper](${paper})\n`, `[[paper](${paper})]\n`), 'where the section writes groups, it is closed');
  });

  it('looks for the ")" of a url holding a bracket no further than 1,000 characters', () => {
    // A bound, so that a line of `[a](x[a](x…` without a space is not read to its end once per link.
    const near = line(`[[paper](https://example.org/[${'a'.repeat(900)})]`);
    assert.match(findings('malformed-link', near)[0]!, /contains "\["/);
    const far = line(`[[paper](https://example.org/[${'a'.repeat(1_100)})]`);
    assert.ok(findings('malformed-link', far).some((f) => /url is not closed/.test(f)));
    assert.equal(fixAll(far), far);
  });

  it('still sees an entry whose only link is broken', () => {
    assert.equal(findings('malformed-link', line(`[[paper](${paper}]`)).length, 1);
  });
});

describe('malformed-link outside the entries', () => {
  const survey = (body: string) => `# A survey\n\n## Resources\n\n${body}\n`;
  const only = (text: string) => findings('malformed-link', text).map((f) => f.replace(/^\S+ /, ''));
  const SPACE = 'Space between "]" and "(": Markdown does not read "[label] (url)" as a link; expected "[label](url)".';
  const UNCLOSED = 'Link url is not closed: expected ")" after the url.';

  it('reads a news bullet written like an entry, which is no paper: its broken link is reported once', () => {
    const text = '# A survey\n\n## News\n\n- [2024/05] **Our survey.** _A. Lee, B. Chen._ arXiv 2024. [paper] (https://arxiv.org/abs/2405.01234)\n';
    assert.deepEqual(only(text), [SPACE]);
    assert.equal(fixAll(text), text);
  });

  it('reports "[name] (url)" in a news bullet, a paragraph, a heading and a table cell, and offers to remove the space, never unseen (a reference link may be defined in another section)', () => {
    for (const body of [
      '- [2024/05] Our [survey] (https://arxiv.org/abs/2405.01234) is out.',
      'The tools are listed on [our site] (https://example.org/tools).',
      '### Benchmarks [leaderboard] (https://example.org/board)',
      '| Name | Link |\n| --- | --- |\n| Tool | [repo] (https://github.com/o/r) |',
    ]) {
      const text = survey(body);
      assert.deepEqual(only(text), [SPACE], body);
      assert.equal(applyFix('malformed-link', text, 'Remove the space before "("'), text.replace('] (', ']('), body);
      assert.equal(fixAll(text), text, body);
    }
  });

  it('reports a bracket inside the url and offers to take it out, never unseen', () => {
    const text = survey('- Tools: [LLM]([https://github.com/o/llm) and [other](https://github.com/o/other).');
    assert.deepEqual(only(text), ['Link url "[https://github.com/o/llm" contains "[": a stray bracket most likely, so the link leads to the wrong address; expected the url without it.']);
    assert.equal(applyFix('malformed-link', text, 'Remove the stray bracket from the url'), text.replace('([https', '(https'));
    assert.equal(fixAll(text), text);
  });

  it('offers to close an unclosed url, never unseen: outside the entries where it ends is a guess once words follow', () => {
    for (const [text, closed] of [
      ['See the [code](https://github.com/x/y for details.', 'x/y) '],
      ['See [site](https://x.org. Thanks.', 'x.org.) '],
      ['- Contributors: [Jane](https://github.com/jane\n- [Joe](https://github.com/joe)', 'jane)\n'],
      ['See [the page](https://example.org/a?b=1\n2) for more.', undefined],
      ['- Code: [repo](https://github.com/x/y] and more', undefined],
    ] as const) {
      const body = survey(text);
      assert.deepEqual(only(body), [UNCLOSED], text);
      assert.equal(fixAll(body), body, text);
      assert.deepEqual(fixTitles('malformed-link', body), ['Close the url with ")"'], text);
      if (closed) assert.ok(applyFix('malformed-link', body, 'Close the url with ")"').includes(closed), text);
    }
  });

  it('gives an empty url a hint outside the entries, whatever its label: a page not written yet', () => {
    const placeholder = survey('| Model | Code |\n| --- | --- |\n| A | [Coming soon]() |');
    assert.deepEqual(only(placeholder), ['Link "Coming soon" has no url yet: GitHub shows it as a link that leads nowhere.']);
    assert.equal(service().getDiagnostics(document(placeholder)).find((d) => d.code === 'malformed-link')!.severity, DiagnosticSeverity.Hint);
    // A notes list's skeleton: the title of a note not published yet, its fields still blank.
    const empty = survey('- [Reading notes: the benchmark, part 2]()\n  - Paper:\n  - Code:');
    assert.deepEqual(only(empty), ['Link "Reading notes: the benchmark, part 2" has no url yet: GitHub shows it as a link that leads nowhere.']);
    assert.equal(service().getDiagnostics(document(empty)).find((d) => d.code === 'malformed-link')!.severity, DiagnosticSeverity.Hint);
  });

  it('offers https:// for a host without a scheme, and reports an address with a space in it', () => {
    const host = survey('- Demo: [try it](www.example.org/demo)');
    assert.match(only(host)[0]!, /has no scheme/);
    assert.equal(fixAll(host), host);
    assert.match(only(survey('- Demo: [try it](https://example.org/a demo)'))[0]!, /contains spaces/);
  });

  it('reports each defect of an entry once, in every entry style, and reads what follows an entry', () => {
    const entries = [
      `1. A study of one. _Doe, J._ arXiv 2023. [[paper] (${paper})]`,
      `2. [**A title link**](${paper}). _Doe, J._ ACL 2023. [code] (${code})`,
      `3. "A quoted title" [2024-05] [ACL 2024] [paper] (${paper})`,
      `4. **A bold title.** ACL 2023.\n\n   _Doe, J._ [[paper] (${paper})]`,
      `5. **A bold title.** ACL 2023. [paper](${paper}) <br /> [code] (${code})`,
      `6. **A bold title.** ACL 2023. [paper](${paper}) [![stars](https://img.shields.io/github/stars/o/r)](${code})\n   - Demo: [try it] (https://example.org/demo)`,
    ];
    for (const body of entries) assert.deepEqual(only(survey(body)), [SPACE], body);
    const table = survey(`| Title | Venue | Date | Code |\n| --- | --- | --- | --- |\n| [**A title**](${paper}) <br> _Doe, J._ | ACL | 2023-05 | [Github] (${code}) |`);
    assert.deepEqual(only(table), [SPACE], 'a row of a table of papers');
  });

  it('leaves alone what is not a link', () => {
    for (const body of [
      '`[a] (https://example.org)` and `[b](https://example.org` in code spans',
      '```\n[a] (https://example.org)\n[b](https://example.org\n```',
      '    [a] (https://example.org) indented code',
      '<p>[a] (https://example.org) and [b]()</p>',
      '<!-- [a](https://example.org -->',
      'A paragraph <span title="[a]()">with</span> inline html <!-- [b](https://example.org -->.',
      '- [x] (https://example.org) a task done\n- [ ] (https://example.org) a task to do',
      'As shown in [1] (https://example.org/ref) and [^2] (https://example.org/note).',
      '- [2024/05] (https://example.org/news) We released the benchmark.',
      'The interval $[0,1] (x)$, a note [optional] (see below), [text] (not a url).',
      '[text][ref] (https://example.org), [ref] and [Ref] (https://example.org/other)\n\n[ref]: https://example.org/ref',
      `[![stars](https://img.shields.io/github/stars/o/r)](${code}) ![broken](https://img.shields.io/x`,
      '<https://example.org> is an autolink, and \\[a\\] (https://example.org) is escaped.',
      '- Write to [me](mailto:a@example.org), read [the guide](./docs/guide.md) or [the top](#resources).',
      `- [A tool](${code}) and [another](https://en.wikipedia.org/wiki/Graph_(abstract_data_type)).`,
    ]) {
      assert.deepEqual(only(survey(body)), [], body);
    }
  });

  it('finds a defect at its line in a long list read in pieces, and again after an edit above it', () => {
    const bullets = Array.from({ length: 400 }, (_, i) => `- Tool ${i}: [repo](https://github.com/o/tool${i})`);
    bullets[350] = '- Tool 350: [repo] (https://github.com/o/tool350)';
    const text = survey(bullets.join('\n'));
    assert.deepEqual(findings('malformed-link', text), [`${5 + 350}:13 ${SPACE}`]);
    const svc = service();
    svc.getDiagnostics(document(text));
    const edited = text.replace('- Tool 3:', '- Tool 3 (new line)\n- Tool 3:');
    assert.deepEqual(svc.getDiagnostics(document(edited, undefined, 2)).filter((d) => d.code === 'malformed-link').map((d) => d.range.start.line + 1), [5 + 351]);
  });
});
