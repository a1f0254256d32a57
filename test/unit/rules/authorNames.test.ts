import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readAuthors, sameName } from '../../../server/src/service/rules/authorNames';
import { fastest } from '../../support/fastest';

/** Each name of a list as `surname/initial`, and whether it ends in et al. */
function shown(text: string): string | undefined {
  const list = readAuthors(text);
  return list && list.names.map((n) => `${n.surname}/${n.initial ?? ''}`).join(' ') + (list.etAl ? ' +' : '');
}

describe('authorNames', () => {
  it('reads every form of name, escapes, affiliations and et al.', () => {
    assert.equal(shown('Luo, X.-J., Wang, Y. et al.'), 'luo/x wang/y +');
    assert.equal(shown("Tarj{\\'a}n, B. and M{\\\"u}ller, K."), 'tarjan/b muller/k');
    assert.equal(shown('Balázs Tarján; Harm de Vries & Taylor Berg-Kirkpatrick'), 'tarjan/b vries/h kirkpatrick/t');
    assert.equal(shown('Wanjun Zhong (Harbin Institute of Technology, China) et al. arXiv.'), 'zhong/w +');
    assert.equal(shown('Deyao Zhu. arXiv.'), 'zhu/d');
    assert.equal(shown('Markus N. Rabe, Charles Staats Jr.'), 'rabe/m staats/c');
    assert.equal(shown('Chen et al.'), 'chen/ +');
    for (const group of ['Anthropic', 'OpenAI', 'Google DeepMind', 'Meta AI et al.', 'FAIR et al. Science.', 'Jamba Team: Barak Lenz, Alan Arazi', '', 'et al.']) assert.equal(shown(group), undefined, group);
  });

  it('points at each name as written, escapes included', () => {
    const text = "Tarj{\\'a}n, B., Fran{\\c c}ois Yvon et al.";
    const names = readAuthors(text)!.names;
    assert.deepEqual(names.map((n) => text.slice(n.start, n.end)), ["Tarj{\\'a}n, B.", 'Fran{\\c c}ois Yvon']);
    assert.deepEqual(names.map((n) => n.shown), ['Tarján', 'Yvon']);
  });

  it('tells people apart by the given name where both write it out, else by the initial', () => {
    const one = (text: string) => readAuthors(text)!.names[0]!;
    assert.ok(sameName(one('B. Tarján'), one('Balázs Tarjan')));
    assert.ok(sameName(one('Tarján et al.'), one('Balázs Tarjan')));
    assert.ok(!sameName(one('ZiHao Wang'), one('Zhilin Wang')));
    assert.ok(!sameName(one('Z. Wang'), one('Y. Wang')));
  });

  it('reads a long list in time linear in its length, escapes in every name and punctuation runs too', () => {
    const shapes: Record<string, (copies: number) => string> = {
      'an escape in every name': (n) => Array.from({ length: n }, (_, i) => `Tarj{\\'a}n${String.fromCharCode(97 + (i % 26))}, B.`).join(', '),
      'a run of punctuation inside a word': (n) => `A${'!'.repeat(n * 16)}b`,
      'parentheses never closed': (n) => 'Ann Lee ('.repeat(n * 2),
    };
    for (const [shape, make] of Object.entries(shapes)) {
      // A marker makes each text new to the memo: each timing reads the list afresh.
      let runs = 0;
      const small = make(100);
      const large = make(10_000);
      const ratio = fastest(() => readAuthors(`${large}${runs++}`), 5) / Math.max(fastest(() => readAuthors(`${small}${runs++}`), 5), 0.01);
      assert.ok(ratio < 400, `${shape}: 100× the text took ${ratio.toFixed(0)}× the time`);
    }
  });
});
