import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  FileKindRequest,
  ReadFileRequest,
  WriteFileRequest,
  type FileKind,
  type FileKindParams,
  type ReadFileParams,
  type ReadFileResult,
  type WriteFileParams,
  type WriteFileResult,
} from '../../shared/protocol';

/**
 * Answers the server's file requests with `vscode.workspace.fs`, which reads
 * any file system VS Code has (github.dev's, a remote's, the browser's
 * global storage): the web worker server has no disk, and the Node server
 * none for a virtual workspace. Writing is allowed only under the
 * extension's global storage (the arXiv cache).
 */
export function answerFileRequests(client: BaseLanguageClient, globalStorage: vscode.Uri): void {
  client.onRequest(FileKindRequest, async ({ uri }: FileKindParams): Promise<FileKind> => {
    try {
      const stat = await vscode.workspace.fs.stat(vscode.Uri.parse(uri, true));
      return stat.type & vscode.FileType.Directory ? 'folder' : 'file';
    } catch {
      return 'none';
    }
  });

  client.onRequest(ReadFileRequest, async ({ uri, maxBytes, unlessVersion }: ReadFileParams): Promise<ReadFileResult> => {
    try {
      const target = vscode.Uri.parse(uri, true);
      const stat = await vscode.workspace.fs.stat(target);
      if (stat.type & vscode.FileType.Directory) return { problem: 'not a file' };
      if (stat.size > maxBytes) return { problem: 'too large' };
      const version = `${stat.mtime}:${stat.size}`;
      if (version === unlessVersion) return { unchanged: true };
      const bytes = await vscode.workspace.fs.readFile(target);
      // The file may have grown between the two calls.
      if (bytes.byteLength > maxBytes) return { problem: 'too large' };
      return { text: new TextDecoder('utf-8').decode(bytes), version };
    } catch (error) {
      if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return { problem: 'not found' };
      return { problem: 'unreadable', detail: error instanceof Error ? error.message : String(error) };
    }
  });

  client.onRequest(WriteFileRequest, async ({ uri, text }: WriteFileParams): Promise<WriteFileResult> => {
    try {
      const target = vscode.Uri.parse(uri, true);
      if (!isFileOf(target, globalStorage)) return { problem: 'Surveyor writes only into its own storage' };
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, '..'));
      // Written beside, then moved over the old file: a window closed mid-write leaves the old cache whole.
      const partial = target.with({ path: `${target.path}.partial` });
      await vscode.workspace.fs.writeFile(partial, new TextEncoder().encode(text));
      await vscode.workspace.fs.rename(partial, target, { overwrite: true });
      return { written: true };
    } catch (error) {
      return { problem: error instanceof Error ? error.message : String(error) };
    }
  });
}

/** Whether `uri` is a file right in `folder`, with a plain name (no separator of any system, no `..`). */
function isFileOf(uri: vscode.Uri, folder: vscode.Uri): boolean {
  const base = folder.path.replace(/\/$/, '');
  const name = uri.path.slice(base.length + 1);
  return uri.scheme === folder.scheme && uri.authority === folder.authority && uri.path.startsWith(`${base}/`) && /^[\w-][\w.-]*$/.test(name);
}
