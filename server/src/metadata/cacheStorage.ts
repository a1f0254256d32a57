/** The cache's file name, in the folder the editor gives (its global storage) or the CLI's cache folder. */
export const CACHE_FILE_NAME = 'arxiv-cache.json';

/**
 * Where the arXiv cache's one JSON text is kept: a file on disk (the CLI,
 * the Node server), or a file in the extension's global storage written
 * through the client (the web worker, which has no disk of its own).
 */
export interface CacheStorage {
  /** Named in messages: a path, or a URI. */
  readonly name: string;
  /**
   * The text, or undefined when there is no cache yet. A file on disk answers
   * at once, so that the CLI and the Node server start with the cache loaded;
   * the client answers later. Throws (or rejects) when the cache exists but
   * cannot be read.
   */
  read(): string | undefined | Promise<string | undefined>;
  /** Writes the whole text; throws (or rejects) when it cannot. */
  write(text: string): void | Promise<void>;
  /** Moves an unreadable cache out of the way: the name it has now, or undefined when it stays where it was (and is replaced on the next write). */
  setAside(): string | undefined | Promise<string | undefined>;
}
