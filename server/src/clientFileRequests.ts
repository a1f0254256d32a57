import type { Connection } from 'vscode-languageserver';
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

/** The file requests the server sends the client (shared/protocol.ts), which answers them with `vscode.workspace.fs`. */
export interface ClientFileRequests {
  kind(uri: string): Promise<FileKind>;
  read(uri: string, maxBytes: number): Promise<ReadFileResult>;
  write(uri: string, text: string): Promise<WriteFileResult>;
}

/** The requests, each sent once `ready` settles (the LSP lets a server send requests only after its answer to `initialize`). */
export function clientFileRequests(connection: Connection, ready: Promise<void>): ClientFileRequests {
  return {
    kind: (uri) => ready.then(() => connection.sendRequest<FileKind>(FileKindRequest, { uri } satisfies FileKindParams)).then(checkedKind),
    read: (uri, maxBytes) => ready.then(() => connection.sendRequest<ReadFileResult>(ReadFileRequest, { uri, maxBytes } satisfies ReadFileParams)).then(checkedRead),
    write: (uri, text) => ready.then(() => connection.sendRequest<WriteFileResult>(WriteFileRequest, { uri, text } satisfies WriteFileParams)).then(checkedWrite),
  };
}

// The client's answers are checked as any input is: an editor may answer anything, or null.

export function checkedKind(answer: unknown): FileKind {
  return answer === 'file' || answer === 'folder' ? answer : 'none';
}

export function checkedRead(answer: unknown): ReadFileResult {
  const value = answer as Partial<Record<'text' | 'version' | 'problem' | 'detail', unknown>> | null;
  if (value && typeof value.text === 'string') return { text: value.text, version: typeof value.version === 'string' ? value.version : '' };
  if (value && (value.problem === 'not found' || value.problem === 'not a file' || value.problem === 'too large')) return { problem: value.problem };
  return { problem: 'unreadable', detail: value && typeof value.detail === 'string' ? value.detail : 'the editor gave no text' };
}

export function checkedWrite(answer: unknown): WriteFileResult {
  const value = answer as { written?: unknown; problem?: unknown } | null;
  if (value?.written === true) return { written: true };
  return { problem: typeof value?.problem === 'string' ? value.problem.slice(0, 200) : 'the editor did not write it' };
}
