/**
 * The virtual file systems a web suite's workspace may be on: the memory file
 * system the test runner extension registers in code-server (its manifest's
 * `onFileSystem:` activation event names the same scheme), or the one
 * @vscode/test-web serves a folder from the disk through.
 */
export const MEMORY_SCHEME = 'surveyor-memfs';
export const TEST_WEB_SCHEME = 'vscode-test-web';
