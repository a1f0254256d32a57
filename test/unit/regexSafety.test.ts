import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { transformSync } from 'esbuild';
import { Linter, type Rule } from 'eslint';
import regexp from 'eslint-plugin-regexp';
import { ROOT } from '../support/fixtures';

/**
 * Every regular expression of the server, checked for super-linear time by
 * its structure (eslint-plugin-regexp: backtracking within one match, and
 * moves that retry a long run from each of its characters), so that a
 * hostile line cannot stall the server. The checker finds what one repeated
 * character can exploit; expressions that only a repeated word exploits are
 * covered by linearTime.test.ts.
 */

const SERVER = path.join(ROOT, 'server', 'src');

/**
 * A pattern built at run time escapes the checker, which reads only what it
 * can evaluate: literals, and templates of `const` strings. `x.source` copies
 * a regex checked where it is written.
 */
const staticPatterns: Rule.RuleModule = {
  meta: { type: 'problem', schema: [], messages: { dynamic: 'this RegExp is built at run time and cannot be checked; build it from literals and const strings' } },
  create(context) {
    function isStatic(node: Rule.Node | import('estree').Node, scopeOf: Rule.Node): boolean {
      switch (node.type) {
        case 'Literal':
          return typeof node.value === 'string';
        case 'TemplateLiteral':
          return node.expressions.every((e) => isStatic(e, scopeOf));
        case 'TaggedTemplateExpression':
          return context.sourceCode.getText(node.tag) === 'String.raw' && isStatic(node.quasi, scopeOf);
        case 'MemberExpression':
          return !node.computed && node.property.type === 'Identifier' && node.property.name === 'source';
        case 'Identifier': {
          for (let scope: ReturnType<typeof context.sourceCode.getScope> | null = context.sourceCode.getScope(scopeOf); scope; scope = scope.upper) {
            const variable = scope.set.get(node.name);
            if (!variable) continue;
            const declarator = variable.defs[0]?.node as import('estree').VariableDeclarator | undefined;
            const declaration = variable.defs[0]?.parent as import('estree').VariableDeclaration | undefined;
            return declaration?.kind === 'const' && !!declarator?.init && isStatic(declarator.init, scopeOf);
          }
          return false;
        }
        default:
          return false;
      }
    }
    const check = (node: Rule.Node & (import('estree').NewExpression | import('estree').CallExpression)) => {
      if (node.callee.type !== 'Identifier' || node.callee.name !== 'RegExp') return;
      const pattern = node.arguments[0];
      if (!pattern || !isStatic(pattern, node)) context.report({ node, messageId: 'dynamic' });
    };
    return { NewExpression: check, CallExpression: check };
  },
};

const config: Linter.Config[] = [
  {
    files: ['**/*.js'],
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
    plugins: { regexp, local: { rules: { 'static-patterns': staticPatterns } } },
    rules: {
      'regexp/no-super-linear-backtracking': ['error', { report: 'potential' }],
      'regexp/no-super-linear-move': ['error', { report: 'potential' }],
      'local/static-patterns': 'error',
    },
  },
];

const linter = new Linter();

/** What the checker says of some TypeScript, one line per problem: the rule, the line of (compiled) code, the message. */
function problems(typescript: string, name: string): string[] {
  const js = transformSync(typescript, { loader: 'ts', format: 'esm', target: 'esnext' }).code;
  const lines = js.split('\n');
  return linter.verify(js, config, `${name}.js`).map((m) => `${name}: ${m.ruleId ?? 'parse'}: ${lines[m.line - 1]?.trim().slice(0, 200)}\n    ${m.message}`);
}

function serverFiles(): string[] {
  return fs
    .readdirSync(SERVER, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(SERVER, f));
}

describe('regular expressions: no super-linear backtracking or moves', () => {
  it('the checker sees what it must: a trailing run, nested quantifiers, a pattern built of constants, one built at run time', () => {
    assert.equal(problems(`export const f = (s: string) => s.replace(/\\s+$/, '');`, 'trailing').length, 1);
    assert.equal(problems(`export const f = (s: string) => /^(a+)+b$/.test(s);`, 'nested').length, 1);
    assert.equal(problems('const A = String.raw`(a+)+`; export const R = new RegExp(String.raw`^${A}b$`);', 'composed').length, 1);
    assert.equal(problems('export const r = (s: string) => new RegExp(s);', 'dynamic').length, 1);
    assert.deepEqual(problems(`export const f = (s: string) => s.trimEnd();`, 'clean'), []);
  });

  it('every expression in server/src is linear', () => {
    const files = serverFiles();
    assert.ok(files.length > 50, `only ${files.length} files found under ${SERVER}`);
    const found = files.flatMap((file) => problems(fs.readFileSync(file, 'utf8'), path.relative(ROOT, file)));
    assert.deepEqual(found, []);
  });
});
