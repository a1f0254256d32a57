import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../server/src/cliMain';

/** Two list-numbering warnings, on lines 5 and 9; `--fix` turns it into GAPPY_FIXED. */
export const GAPPY = '# Papers\n\n1. a\n2. b\n4. c\n\n## More\n\n2. d\n3. e\n';
export const GAPPY_FIXED = '# Papers\n\n1. a\n2. b\n3. c\n\n## More\n\n1. d\n2. e\n';

/** `git ARGS` in `dir`, as a test's author (no signing, whatever the machine's settings); its output trimmed. */
export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, encoding: 'utf8' }).trim();
}

/** A throwaway repository folder (a `.git` folder, no history) holding the given files; folders are made as needed. */
export function repo(files: Record<string, string | Buffer>, prefix = 'surveyor-cli-'): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  fs.mkdirSync(path.join(dir, '.git'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/** `surveyor ARGS` in this process, in `cwd`: what a spawned CLI would print, without the process (about 0.2 s each). */
export async function cli(args: string[], cwd: string): Promise<{ status: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const before = process.cwd();
  process.chdir(cwd);
  try {
    const status = await main(args, (s) => out.push(s), (s) => err.push(s));
    return { status, stdout: out.join('\n'), stderr: err.join('\n') };
  } finally {
    process.chdir(before);
  }
}
