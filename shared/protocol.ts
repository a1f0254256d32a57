/**
 * What the client and the server say to each other beyond standard LSP:
 * command ids, custom request names and their parameter shapes. Each side
 * builds its RequestType from these with its own LSP library.
 */

/** Commands contributed in package.json and registered by the client. */
export const Commands = {
  renumberAllLists: 'surveyor.renumberAllLists',
  showOutput: 'surveyor.showOutput',
  /** Palette command: asks for an id or URL, then runs `ServerCommands.insertPaper` at the cursor. */
  insertPaperFromArxiv: 'surveyor.insertPaperFromArxiv',
} as const;

/**
 * Commands the server executes (workspace/executeCommand); vscode-languageclient
 * registers them in VS Code from the server's capabilities.
 */
export const ServerCommands = {
  /** Arguments: `InsertPaperArgs`. Fetches the paper if needed, then applies the edit or shows why not. */
  insertPaper: 'surveyor.server.insertPaper',
} as const;

export interface InsertPaperArgs {
  uri: string;
  position: { line: number; character: number };
  /** An arXiv id or any arXiv URL, as the user typed it. */
  reference: string;
}

/** Client -> server, at start. */
export interface InitializationOptions {
  /** The Node server: the folder (a path) of the persistent arXiv cache, the extension's global storage. */
  cacheDir?: string;
  /** The web worker server: the same folder as a URI, written through the client (`WriteFileRequest`). */
  cacheUri?: string;
  /**
   * `vscode` from Surveyor's own VS Code client, which forwards the arXiv endpoint from the
   * user's own settings only; any other editor's settings may come from a file in the repository.
   */
  client?: 'vscode';
  /** Settings from an editor that cannot be asked for them, `{ surveyor: {...} }` (see server/src/pushedSettings.ts). */
  settings?: unknown;
}

/** Client -> server: the edit that renumbers every list of a document (null when nothing changes). */
export const RenumberAllListsRequest = 'surveyor/renumberAllLists';
export interface RenumberAllListsParams {
  textDocument: { uri: string };
}

/** Code action kinds the server offers besides quick fixes. */
export const CodeActionKinds = {
  renumberAllLists: 'source.renumberLists.surveyor',
  fixAll: 'source.fixAll.surveyor',
} as const;

/** The configuration section the server pulls from the client. */
export const SETTINGS_SECTION = 'surveyor';

/**
 * Client -> server: the server's memory, after a garbage collection when the
 * process allows one (`--expose-gc`). For load tests and bug reports.
 */
export const MemoryUsageRequest = 'surveyor/memoryUsage';
export interface MemoryUsage {
  heapUsedMb: number;
  rssMb: number;
  collected: boolean;
}

/**
 * Server -> client: files the server cannot read itself, answered with
 * `vscode.workspace.fs` (a virtual workspace such as github.dev's, and every
 * file in the browser, where the server runs in a web worker). The server
 * asks only for small JSON files (`.surveyor.json`, its taxonomy, the arXiv
 * cache); a client refuses more than `maxBytes`.
 */
export const FileKindRequest = 'surveyor/fileKind';
export interface FileKindParams {
  uri: string;
}
/** What is at a URI: a file (or anything that is not a folder), a folder, or nothing (or nothing that can be read). */
export type FileKind = 'file' | 'folder' | 'none';

export const ReadFileRequest = 'surveyor/readFile';
export interface ReadFileParams {
  uri: string;
  maxBytes: number;
  /** The version the server has: when the file still has it, the client answers `{ unchanged: true }` without reading. */
  unlessVersion?: string;
}
/** The text (UTF-8) and what tells its versions apart (modification time and size), or why it was not read. */
export type ReadFileResult = { text: string; version: string } | { unchanged: true } | { problem: 'not found' | 'not a file' | 'too large' | 'unreadable'; detail?: string };

/** Server -> client: writes a file under the extension's global storage (`cacheUri`) only; the client refuses any other. */
export const WriteFileRequest = 'surveyor/writeFile';
export interface WriteFileParams {
  uri: string;
  text: string;
}
export type WriteFileResult = { written: true } | { problem: string };
