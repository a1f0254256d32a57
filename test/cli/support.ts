import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../server/src/cliMain';

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
