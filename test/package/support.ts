import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Nodes } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

export const ROOT = path.resolve(__dirname, '..', '..');

export const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  publisher: string;
  version: string;
  dependencies?: Record<string, string>;
  devDependencies: Record<string, string>;
};

/**
 * The environment without the `npm_*` variables of the `npm run` this may run
 * under: a nested npm reads them as its own configuration (the outer
 * command's prefix, flags and user agent).
 */
export function outsideNpm(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !key.toLowerCase().startsWith('npm_')));
}

export function npm(args: string[], cwd: string): string {
  return execFileSync('npm', args, { cwd, env: outsideNpm(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export function tempDir(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `surveyor-${name}-`));
}

/** Runs a command to its end: its exit status and what it printed. */
export function run(command: string, args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(command, args, { cwd, env: outsideNpm(), encoding: 'utf8', timeout: 60_000 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A survey with one known defect: its second entry is numbered 3. */
export const SURVEY_WITH_A_GAP = [
  '# A survey',
  '',
  '## Methods',
  '',
  '1. First paper. _Lee, A. et al._ arXiv 2020. [[paper](https://arxiv.org/abs/2001.00001)]',
  '3. Second paper. _Kim, B. et al._ arXiv 2021. [[paper](https://arxiv.org/abs/2101.00001)]',
  '',
].join('\n');

export const VSIX = path.join(ROOT, 'surveyor.vsix');

/** `npm run package`, as a contributor runs it (release.yml runs vsce itself, to point images at GitHub): the .vsix and what vsce printed. */
export function packageVsix(): { vsix: string; output: string } {
  fs.rmSync(VSIX, { force: true });
  const result = spawnSync('npm', ['run', 'package'], { cwd: ROOT, env: outsideNpm(), encoding: 'utf8' });
  const output = `${result.stdout}\n${result.stderr}`;
  if (result.status !== 0) throw new Error(`npm run package failed (${result.status}):\n${output}`);
  return { vsix: VSIX, output };
}

/** The local images a Markdown file shows (`![alt](path)`, `<img src="path">`; not http(s) ones, not in code). */
export function localImages(markdown: string): string[] {
  const found: string[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'image') found.push(node.url);
    if (node.type === 'html') for (const m of node.value.matchAll(/<img\b[^>]*\bsrc=["']([^"']+)["']/gi)) found.push(m[1]);
    if ('children' in node) node.children.forEach(visit);
  };
  visit(unified().use(remarkParse).parse(markdown));
  return found.filter((src) => !/^[a-z]+:/i.test(src)).map((src) => path.posix.normalize(decodeURI(src)));
}
