import { URI } from 'vscode-uri';

/** A JSON file of the repository's, read and parsed, with what tells its versions apart; or why it was not. */
export type JsonFileRead = { value: unknown; version: string } | { unchanged: true } | { problem: string };

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
  /**
   * A small JSON file (at most MAX_JSON_FILE_BYTES) and, given `within` (a
   * folder's URI), inside that folder; `{ unchanged: true }`, without reading
   * it, when it still has `knownVersion`.
   */
  readJson(uri: string, within?: string, knownVersion?: string): Promise<JsonFileRead>;
}

/** A URI as messages name it: a path on disk, otherwise the URI itself. */
export function displayUri(uri: string): string {
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? parsed.fsPath : parsed.toString(true);
}

/** Whether `uri` is `folder` or inside it. */
export function isInsideFolder(uri: string, folder: string): boolean {
  return pathInFolder(uri, folder) !== undefined;
}

/**
 * The path of `uri` inside `folder` ('' for the folder itself), or undefined
 * when it is not inside. Both are compared in one form: editors spell a URI
 * differently (`file:///C:/p` from Neovim, `file:///c%3A/p` from VS Code).
 */
export function pathInFolder(uri: string, folder: string): string | undefined {
  const a = normal(uri);
  const b = normal(folder);
  if (a.scheme !== b.scheme || a.authority !== b.authority) return undefined;
  const base = b.path.replace(/\/$/, '');
  if (a.path === base) return '';
  return a.path.startsWith(`${base}/`) ? a.path.slice(base.length + 1) : undefined;
}

/** A URI in vscode-uri's own spelling: a Windows drive letter and the authority in lower case, the path decoded. */
function normal(uri: string): URI {
  return URI.parse(URI.parse(uri).toString());
}
