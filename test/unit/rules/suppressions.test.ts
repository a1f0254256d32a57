import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RULE_CODES } from '../../../shared/settings';
import { dedent, document, service, settingsWith } from '../../support/fixtures';
import { at, entry, findings } from '../../support/rules';

let papers = 0;
/** An entry at number `n` with a venue typo, a different paper each time. */
const typo = (n: number) => {
  papers++;
  return entry(n, { title: `Made-up paper ${papers}`, venue: 'arKiv 2023', links: `[[paper](https://arxiv.org/abs/2305.${10000 + papers})]` });
};

describe('suppression comments', () => {
  it('disable-next-line silences the named rules on the next line only', () => {
    const text = ['<!-- surveyor-disable-next-line venue-typo -->', typo(1), typo(2)].join('\n') + '\n';
    assert.deepEqual(findings('venue-typo', text).map((f) => f.split(' ')[0]), [at(text, 3, 'arKiv')]);
  });

  it('disable … enable silences a region; without codes, every rule', () => {
    const text = dedent(`
      ${typo(1)}
      <!-- surveyor-disable -->
      ${typo(1)}
      3. gap
      <!-- surveyor-enable -->
      ${typo(1)}
    `);
    const lines = service().getDiagnostics(document(text)).map((d) => `${d.range.start.line + 1} ${d.code}`);
    assert.deepEqual(lines, ['1 venue-typo', '6 venue-typo']);
  });

  it('disable with codes leaves other rules on, and enable with codes re-enables those only', () => {
    const text = dedent(`
      <!-- surveyor-disable venue-typo, list-numbering -->
      ${typo(1)}
      3. gap
      <!-- surveyor-enable list-numbering -->
      ${typo(1)}
      3. gap
    `);
    const lines = service().getDiagnostics(document(text)).map((d) => `${d.range.start.line + 1} ${d.code}`);
    assert.deepEqual(lines, ['6 list-numbering']);
  });

  it('names an unknown rule in a suppression comment instead of silently ignoring it', () => {
    const text = `<!-- surveyor-disable-next-line venue-typos -->\n${typo(1)}\n`;
    assert.deepEqual(findings('parse-problem', text), [`1:1 Unknown rule "venue-typos" in surveyor-disable-next-line (known: ${RULE_CODES.join(', ')}).`]);
    assert.equal(findings('venue-typo', text).length, 1);
  });
});

describe('rule severities', () => {
  it('every rule takes its severity from the settings, and off silences it', () => {
    const text = typo(1) + '\n';
    for (const [severity, lsp] of [['error', 1], ['warning', 2], ['info', 3], ['hint', 4]] as const) {
      const [d] = service(settingsWith((s) => (s.rules['venue-typo'] = severity))).getDiagnostics(document(text));
      assert.equal(d!.severity, lsp);
    }
    assert.deepEqual(service(settingsWith((s) => (s.rules['venue-typo'] = 'off'))).getDiagnostics(document(text)), []);
  });
});
