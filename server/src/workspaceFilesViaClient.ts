import { URI, Utils } from 'vscode-uri';
import type { FileKind, ReadFileResult } from '../../shared/protocol';
import { CONFIG_FILE_NAME } from '../../shared/settings';
import { MAX_JSON_FILE_BYTES, parseJsonText } from './jsonText';
import { displayUri, isInsideFolder, type JsonFileRead, type WorkspaceFiles } from './workspaceFiles';

/** The client's answers to `FileKindRequest` and `ReadFileRequest` (shared/protocol.ts). */
export interface FileRequests {
  kind(uri: string): Promise<FileKind>;
  read(uri: string, maxBytes: number, unlessVersion?: string): Promise<ReadFileResult>;
}

/** No repository nests folders deeper than this: a walk up that goes on is stopped. */
const MAX_DEPTH = 64;

/**
 * The workspace's files as the client sees them with `vscode.workspace.fs`:
 * every file in the browser, and in the Node server those of a virtual
 * workspace. A request the client does not answer (an editor without
 * Surveyor's client) is a file not found, or a problem for a file named in
 * the configuration; never a failure.
 */
export function workspaceFilesViaClient(requests: FileRequests): WorkspaceFiles {
  const kind = (uri: URI) => requests.kind(uri.toString()).catch((): FileKind => 'none');
  return {
    async findConfig(documentUri, stopAt) {
      const document = URI.parse(documentUri);
      // An untitled document is in no folder.
      if (document.scheme === 'untitled') return undefined;
      let dir = Utils.dirname(document);
      for (let depth = 0; depth < MAX_DEPTH; depth++) {
        const candidate = Utils.joinPath(dir, CONFIG_FILE_NAME);
        if ((await kind(candidate)) === 'file') return candidate.toString();
        const parent = Utils.dirname(dir);
        if (parent.path === dir.path || (stopAt !== undefined && isInsideFolder(stopAt, dir.toString())) || (await kind(Utils.joinPath(dir, '.git'))) !== 'none') return undefined;
        dir = parent;
      }
      return undefined;
    },
    async readJson(uri, within, knownVersion): Promise<JsonFileRead> {
      if (within !== undefined && !isInsideFolder(uri, within)) return { problem: `a file outside ${displayUri(within)}` };
      let read: ReadFileResult;
      try {
        read = await requests.read(uri, MAX_JSON_FILE_BYTES, knownVersion);
      } catch {
        return { problem: 'cannot be read (the editor did not answer)' };
      }
      if ('problem' in read) return { problem: inWords(read) };
      if ('unchanged' in read) return knownVersion !== undefined ? { unchanged: true } : { problem: 'cannot be read (the editor gave no text)' };
      const parsed = parseJsonText(read.text);
      return 'problem' in parsed ? parsed : { value: parsed.value, version: read.version };
    },
  };
}

/** The same words as the disk's problems (repositoryJsonFile.ts). */
function inWords(read: Extract<ReadFileResult, { problem: string }>): string {
  switch (read.problem) {
    case 'not a file':
      return 'not a regular file';
    case 'too large':
      return `larger than ${MAX_JSON_FILE_BYTES / (1024 * 1024)} MB`;
    case 'not found':
      return 'cannot be read (not found)';
    default:
      return `cannot be read (${typeof read.detail === 'string' ? read.detail.slice(0, 200) : 'unknown error'})`;
  }
}
