import { execFileSync } from 'node:child_process';

/**
 * The `nvim` to test with: Debian's `neovim` (0.7.2 on Debian 12), installed
 * with apt-get when missing. A machine where it cannot be installed fails the
 * test with the reason: an editor test that skips itself tests nothing.
 */
export function ensureNeovim(): string {
  if (found()) return 'nvim';
  if (process.getuid?.() !== 0) throw new Error('Neovim is not installed, and installing it needs root: run `apt-get install -y neovim` and try again.');
  process.stderr.write('installing Debian\'s neovim (apt-get install -y neovim)\n');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
    execFileSync('apt-get', ['install', '-y', '-qq', '-o', 'DPkg::Lock::Timeout=120', 'neovim'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  } catch (error) {
    throw new Error(`could not install Neovim with apt-get (${(error as Error).message.split('\n')[0]}); install it by hand: apt-get install -y neovim`);
  }
  if (!found()) throw new Error('apt-get installed neovim, but `nvim` is still not on PATH');
  return 'nvim';
}

function found(): boolean {
  try {
    execFileSync('nvim', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
