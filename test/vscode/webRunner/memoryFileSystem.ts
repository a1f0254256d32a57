import * as vscode from 'vscode';

type Entry = { type: vscode.FileType.File; ctime: number; mtime: number; data: Uint8Array } | { type: vscode.FileType.Directory; ctime: number; mtime: number };

/**
 * A file system that lives in the extension host's memory: the web suite's
 * workspace, so that the survey exists nowhere but behind VS Code's file
 * system API (as in github.dev, where it is behind vscode-vfs). Paths are
 * the URI's path; the root folder always exists.
 */
export class MemoryFileSystem implements vscode.FileSystemProvider {
  private readonly entries = new Map<string, Entry>([['/', { type: vscode.FileType.Directory, ctime: Date.now(), mtime: Date.now() }]]);
  private readonly changes = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changes.event;

  watch(): vscode.Disposable {
    // Every change is announced to every watcher; the suite's workspace is small.
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const entry = this.lookup(uri);
    return { type: entry.type, ctime: entry.ctime, mtime: entry.mtime, size: entry.type === vscode.FileType.File ? entry.data.byteLength : 0 };
  }

  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    if (this.lookup(uri).type !== vscode.FileType.Directory) throw vscode.FileSystemError.FileNotADirectory(uri);
    const prefix = uri.path.endsWith('/') ? uri.path : `${uri.path}/`;
    return [...this.entries]
      .filter(([path]) => path !== prefix && path.startsWith(prefix) && !path.slice(prefix.length).includes('/'))
      .map(([path, entry]) => [path.slice(prefix.length), entry.type]);
  }

  createDirectory(uri: vscode.Uri): void {
    this.parentOf(uri);
    if (this.entries.has(uri.path)) throw vscode.FileSystemError.FileExists(uri);
    this.entries.set(uri.path, { type: vscode.FileType.Directory, ctime: Date.now(), mtime: Date.now() });
    this.changes.fire([{ type: vscode.FileChangeType.Created, uri }]);
  }

  readFile(uri: vscode.Uri): Uint8Array {
    const entry = this.lookup(uri);
    if (entry.type !== vscode.FileType.File) throw vscode.FileSystemError.FileIsADirectory(uri);
    return entry.data;
  }

  writeFile(uri: vscode.Uri, content: Uint8Array, options: { create: boolean; overwrite: boolean }): void {
    this.parentOf(uri);
    const existing = this.entries.get(uri.path);
    if (existing?.type === vscode.FileType.Directory) throw vscode.FileSystemError.FileIsADirectory(uri);
    if (!existing && !options.create) throw vscode.FileSystemError.FileNotFound(uri);
    if (existing && !options.overwrite) throw vscode.FileSystemError.FileExists(uri);
    const now = Date.now();
    this.entries.set(uri.path, { type: vscode.FileType.File, ctime: existing?.ctime ?? now, mtime: now, data: content });
    this.changes.fire([{ type: existing ? vscode.FileChangeType.Changed : vscode.FileChangeType.Created, uri }]);
  }

  delete(uri: vscode.Uri, options: { recursive: boolean }): void {
    this.lookup(uri);
    const inside = [...this.entries.keys()].filter((path) => path.startsWith(`${uri.path}/`));
    if (inside.length > 0 && !options.recursive) throw vscode.FileSystemError.NoPermissions(`${uri.toString()} is not empty`);
    for (const path of [uri.path, ...inside]) this.entries.delete(path);
    this.changes.fire([{ type: vscode.FileChangeType.Deleted, uri }]);
  }

  rename(from: vscode.Uri, to: vscode.Uri, options: { overwrite: boolean }): void {
    this.lookup(from);
    this.parentOf(to);
    if (this.entries.has(to.path) && !options.overwrite) throw vscode.FileSystemError.FileExists(to);
    const moved = [...this.entries].filter(([path]) => path === from.path || path.startsWith(`${from.path}/`));
    for (const [path] of moved) this.entries.delete(path);
    for (const [path, entry] of moved) this.entries.set(to.path + path.slice(from.path.length), entry);
    this.changes.fire([
      { type: vscode.FileChangeType.Deleted, uri: from },
      { type: vscode.FileChangeType.Created, uri: to },
    ]);
  }

  private lookup(uri: vscode.Uri): Entry {
    const entry = this.entries.get(uri.path === '' ? '/' : uri.path);
    if (!entry) throw vscode.FileSystemError.FileNotFound(uri);
    return entry;
  }

  /** The folder `uri` goes into, which must exist. */
  private parentOf(uri: vscode.Uri): void {
    const parent = uri.path.slice(0, uri.path.lastIndexOf('/')) || '/';
    if (this.entries.get(parent)?.type !== vscode.FileType.Directory) throw vscode.FileSystemError.FileNotFound(uri.with({ path: parent }));
  }
}
