import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeFileAtomic } from '../writeFileAtomic';
import { CACHE_FILE_NAME, type CacheStorage } from './cacheStorage';

export { CACHE_FILE_NAME };

/** `~/.cache/surveyor` (or `$XDG_CACHE_HOME/surveyor`): the CLI's cache, and the server's when the editor gives none. */
export function defaultCacheDir(): string {
  const base = process.env.XDG_CACHE_HOME && path.isAbsolute(process.env.XDG_CACHE_HOME) ? process.env.XDG_CACHE_HOME : path.join(os.homedir(), '.cache');
  return path.join(base, 'surveyor');
}

/** The cache as a file on disk, written atomically (a crash mid-write leaves the old file whole). */
export function cacheOnDisk(file: string): CacheStorage {
  return {
    name: file,
    read() {
      try {
        return fs.readFileSync(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    write(text) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      writeFileAtomic(file, text);
    },
    setAside() {
      const aside = `${file}.corrupt-${Date.now()}`;
      try {
        fs.renameSync(file, aside);
        return aside;
      } catch {
        return undefined;
      }
    },
  };
}
