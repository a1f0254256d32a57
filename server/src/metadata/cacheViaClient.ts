import { URI, Utils } from 'vscode-uri';
import type { ClientFileRequests } from '../clientFileRequests';
import { CACHE_FILE_NAME, type CacheStorage } from './cacheStorage';

/** The cache is a few KB a paper: one larger than this is not read (and is replaced on the next write). */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;

/**
 * The arXiv cache of the web worker, which has no disk: a file in the
 * extension's global storage (`folderUri`), read and written by the client
 * with `vscode.workspace.fs`.
 */
export function cacheViaClient(folderUri: string, requests: ClientFileRequests): CacheStorage {
  const uri = Utils.joinPath(URI.parse(folderUri), CACHE_FILE_NAME).toString();
  return {
    name: uri,
    async read() {
      const read = await requests.read(uri, MAX_CACHE_BYTES);
      if ('text' in read) return read.text;
      if (!('problem' in read)) throw new Error('the editor gave no text');
      if (read.problem === 'not found') return undefined;
      throw new Error(read.problem === 'too large' ? `larger than ${MAX_CACHE_BYTES / (1024 * 1024)} MB` : (read.detail ?? read.problem));
    },
    async write(text) {
      const written = await requests.write(uri, text);
      if ('problem' in written) throw new Error(written.problem);
    },
    // The client writes a new file whole in place of the old: there is nothing to set aside first.
    setAside: () => undefined,
  };
}
