import { URI } from 'vscode-uri';

/** A JSON file of the repository's, read and parsed, with what tells its versions apart; or why it was not. */
export type JsonFileRead = { value: unknown; version: string } | { problem: string };

/**
 * The few files of a workspace the server reads besides the documents:
 * `.surveyor.json` and the taxonomy it names. The Node server reads `file:`
 * URIs from the disk and asks the client for the others (a virtual
 * workspace such as github.dev's); in the browser the client answers all.
 * Problems read after the file's name ("….json: not a regular file").
 */
export interface WorkspaceFiles {
  /**
   * The `.surveyor.json` that applies to a document (its URI, or undefined):
   * the first one walking up from the document's folder, to the repository's
   * root (a folder holding `.git`) or `stopAt` (the workspace folder's URI).
   */
  findConfig(documentUri: string, stopAt: string | undefined): Promise<string | undefined>;
  /** A small JSON file (at most MAX_JSON_FILE_BYTES) and, given `within` (a folder's URI), inside that folder. */
  readJson(uri: string, within?: string): Promise<JsonFileRead>;
}

/** A URI as messages name it: a path on disk, otherwise the URI itself. */
export function displayUri(uri: string): string {
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? parsed.fsPath : parsed.toString(true);
}

/** Whether `uri` is `folder` or inside it: same scheme and authority, and its path under the folder's. */
export function isInsideFolder(uri: string, folder: string): boolean {
  const a = URI.parse(uri);
  const b = URI.parse(folder);
  if (a.scheme !== b.scheme || a.authority !== b.authority) return false;
  const base = b.path.replace(/\/$/, '');
  return a.path === base || a.path.startsWith(`${base}/`);
}
