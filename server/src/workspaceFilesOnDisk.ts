import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { findConfigFile } from './configFile';
import { locateJsonFile, readJsonFile } from './repositoryJsonFile';
import type { WorkspaceFiles } from './workspaceFiles';

/**
 * The Node server's workspace files: `file:` URIs read from the disk (links
 * followed and checked, no device or pipe read: repositoryJsonFile.ts), every
 * other scheme through `others` (the client, for a virtual workspace).
 */
export function workspaceFilesOnDisk(others: WorkspaceFiles): WorkspaceFiles {
  return {
    async findConfig(documentUri, stopAt) {
      const document = URI.parse(documentUri);
      if (document.scheme !== 'file') return others.findConfig(documentUri, stopAt);
      const stop = stopAt !== undefined && URI.parse(stopAt).scheme === 'file' ? URI.parse(stopAt).fsPath : undefined;
      const found = findConfigFile(path.dirname(document.fsPath), stop);
      return found === undefined ? undefined : URI.file(found).toString();
    },
    async readJson(uri, within, knownVersion) {
      const file = URI.parse(uri);
      if (file.scheme !== 'file') return others.readJson(uri, within, knownVersion);
      const located = locateJsonFile(file.fsPath, within === undefined ? undefined : URI.parse(within).fsPath);
      if ('problem' in located) return located;
      if (located.version === knownVersion) return { unchanged: true };
      const read = readJsonFile(located);
      return 'problem' in read ? read : { value: read.value, version: located.version };
    },
  };
}
