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
  read(uri: string, maxBytes: number, unlessVersion?: string): Promise<ReadFileResult>;
  write(uri: string, text: string): Promise<WriteFileResult>;
}

/**
 * The requests, each sent once `ready` settles to true: the LSP lets a
 * server send requests only after its answer to `initialize`, and only
 * Surveyor's own client answers these (another editor would only log an
 * unknown method): `ready` settles to false for it, and nothing is sent.
 */
export function clientFileRequests(connection: Connection, ready: Promise<boolean>): ClientFileRequests {
  const send = <R>(method: string, params: object, checked: (answer: unknown) => R, unanswered: R): Promise<R> =>
    ready.then((answers) => (answers ? connection.sendRequest<unknown>(method, params).then(checked) : unanswered));
  return {
    kind: (uri) => send(FileKindRequest, { uri } satisfies FileKindParams, checkedKind, 'none'),
    read: (uri, maxBytes, unlessVersion) => send(ReadFileRequest, { uri, maxBytes, unlessVersion } satisfies ReadFileParams, checkedRead, { problem: 'unreadable', detail: 'the editor cannot be asked for files' }),
    write: (uri, text) => send(WriteFileRequest, { uri, text } satisfies WriteFileParams, checkedWrite, { problem: 'the editor cannot be asked to write files' }),
  };
}

// The client's answers are checked as any input is: an editor may answer anything, or null.

export function checkedKind(answer: unknown): FileKind {
  return answer === 'file' || answer === 'folder' ? answer : 'none';
}

export function checkedRead(answer: unknown): ReadFileResult {
  const value = answer as Partial<Record<'text' | 'version' | 'unchanged' | 'problem' | 'detail', unknown>> | null;
  if (value?.unchanged === true) return { unchanged: true };
  if (value && typeof value.text === 'string') return { text: value.text, version: typeof value.version === 'string' ? value.version : '' };
  if (value && (value.problem === 'not found' || value.problem === 'not a file' || value.problem === 'too large')) return { problem: value.problem };
  return { problem: 'unreadable', detail: value && typeof value.detail === 'string' ? value.detail : 'the editor gave no text' };
}

export function checkedWrite(answer: unknown): WriteFileResult {
  const value = answer as { written?: unknown; problem?: unknown } | null;
  if (value?.written === true) return { written: true };
  return { problem: typeof value?.problem === 'string' ? value.problem.slice(0, 200) : 'the editor did not write it' };
}
