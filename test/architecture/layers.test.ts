import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

/**
 * The code map's invariants that a reader cannot check by eye: the service
 * does no IO and knows no LSP connection, its folders depend on each other
 * in one direction only, and no two modules import each other (type-only
 * imports included), directly or around a cycle.
 */

const root = path.resolve(import.meta.dirname, '../..');
const service = path.join(root, 'server/src/service');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every module a file imports (`import`, `import type`, `export … from`), relative ones resolved to files. */
function importsOf(file: string): { specifier: string; resolved?: string }[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)'/gms)].map((m) => {
    const specifier = m[1]!;
    if (!specifier.startsWith('.')) return { specifier };
    const base = path.resolve(path.dirname(file), specifier);
    const resolved = [base, `${base}.ts`, path.join(base, 'index.ts')].find((f) => fs.existsSync(f) && fs.statSync(f).isFile());
    return { specifier, resolved };
  });
}

const files = sourceFiles(path.join(root, 'server/src')).concat(sourceFiles(path.join(root, 'shared')));
const graph = new Map(files.map((f) => [f, importsOf(f)]));

test('every relative import resolves to a file', () => {
  for (const [file, imports] of graph) for (const i of imports) if (i.specifier.startsWith('.')) assert.ok(i.resolved, `${path.relative(root, file)} imports ${i.specifier}`);
});

test('no import cycles, type-only imports included', () => {
  const state = new Map<string, 'open' | 'done'>();
  const cycles: string[] = [];
  const visit = (file: string, trail: string[]) => {
    if (state.get(file) === 'done') return;
    if (state.get(file) === 'open') {
      cycles.push([...trail.slice(trail.indexOf(file)), file].map((f) => path.relative(root, f)).join(' -> '));
      return;
    }
    state.set(file, 'open');
    for (const i of graph.get(file) ?? []) if (i.resolved) visit(i.resolved, [...trail, file]);
    state.set(file, 'done');
  };
  for (const file of graph.keys()) visit(file, []);
  assert.deepEqual(cycles, []);
});

test('the service does no IO and knows no LSP connection', () => {
  const forbidden = /^(?:node:|fs$|path$|http|https$|net$|child_process$|vscode$|vscode-languageserver(?:\/node)?$|vscode-languageclient)/;
  for (const file of sourceFiles(service)) {
    for (const i of graph.get(file)!) {
      // Path arithmetic on the taxonomy setting, no IO; it goes when the service runs in a web worker too.
      if (i.specifier === 'node:path' && file.endsWith('configuration.ts')) continue;
      assert.ok(!forbidden.test(i.specifier), `${path.relative(root, file)} imports ${i.specifier}`);
      if (i.resolved) assert.ok(i.resolved.startsWith(service) || i.resolved.startsWith(path.join(root, 'shared')) || i.resolved.startsWith(path.join(root, 'data')), `${path.relative(root, file)} imports ${i.specifier} from outside the service (shipped data and shared/ are bundled)`);
    }
  }
});

/**
 * Which service folders a folder may import. The model knows nothing of
 * analysis; the engine runs the rules it is given and never imports one; a
 * rule reads the model and the engine's inputs; features read everything
 * but are read by nothing but the service's entry point.
 */
const MAY_IMPORT: Record<string, string[]> = {
  model: ['model'],
  engine: ['model', 'engine'],
  publications: ['model', 'publications'],
  rules: ['model', 'engine', 'publications', 'rules'],
  features: ['model', 'engine', 'publications', 'rules', 'features'],
};

test('service folders depend on each other in one direction', () => {
  const folderOf = (file: string) => path.relative(service, file).split(path.sep)[0]!;
  for (const file of sourceFiles(service)) {
    const from = folderOf(file);
    const allowed = MAY_IMPORT[from];
    if (!allowed) continue; // languageService.ts and the service's shared leaves
    for (const i of graph.get(file)!) {
      if (!i.resolved?.startsWith(service)) continue;
      const to = folderOf(i.resolved);
      if (!(to in MAY_IMPORT)) continue;
      assert.ok(allowed.includes(to), `${path.relative(root, file)} (${from}) imports ${path.relative(root, i.resolved)} (${to})`);
    }
  }
});
