import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, at, entry, findings, fixAll } from '../../support/rules';

describe('author-format', () => {
  it('replaces BibTeX escapes by the letters they stand for, and nothing else', () => {
    const text = entry(1, { authors: `_Tarj{\\'a}n, B., M{\\"u}ller, K., \\c{C}elik, S. and Stra{\\ss}e, P._` }) + '\n';
    assert.deepEqual(findings('author-format', text), [
      `${at(text, 1, '{')} BibTeX escapes in the author list, shown literally on GitHub: {\\'a} → á, {\\"u} → ü, \\c{C} → Ç, {\\ss} → ß.`,
    ]);
    assert.equal(applyFix('author-format', text, 'Replace with á, ü, Ç, ß'), entry(1, { authors: '_Tarján, B., Müller, K., Çelik, S. and Straße, P._' }) + '\n');
    assert.equal(fixAll(text), entry(1, { authors: '_Tarján, B., Müller, K., Çelik, S. and Straße, P._' }) + '\n');
  });

  it('accepts plain Unicode names', () => {
    assert.deepEqual(findings('author-format', entry(1, { authors: '_Tarján, B. et al._' }) + '\n'), []);
  });

  it('reports an author list without italics where the list uses them, and wraps it', () => {
    const text = [entry(1), entry(2), entry(3, { authors: 'Luo, X.-J., Wang, Y. et al.' })].join('\n') + '\n';
    assert.deepEqual(findings('author-format', text), [`${at(text, 3, 'Luo')} Author list is not in italics like the other entries of this list: expected _Authors_.`]);
    assert.equal(applyFix('author-format', text, 'Set the authors in italics'), [entry(1), entry(2), entry(3, { authors: '_Luo, X.-J., Wang, Y. et al._' })].join('\n') + '\n');
  });
});
