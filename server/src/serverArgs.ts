import { SURVEYOR_VERSION } from './cliVersion';

/** How vscode-languageserver is told its transport (`--socket 6009` and `--pipe NAME` work too). */
const TRANSPORTS = ['--stdio', '--node-ipc', '--socket', '--pipe'];

export const SERVER_VERSION = SURVEYOR_VERSION;

export type ServerCommandLine =
  /** Serve LSP; `argv` names the transport (stdio unless the editor named another). */
  | { kind: 'serve'; argv: string[] }
  /** `--help` or `--version`: print this line and exit 0. */
  | { kind: 'print'; text: string };

/**
 * `surveyor-language-server` with no arguments serves over stdio, which is
 * what Neovim, Helix and Emacs start a server with; VS Code passes `--node-ipc`.
 * `argv` is the arguments after the script (`process.argv.slice(2)`).
 */
export function serverCommandLine(argv: readonly string[]): ServerCommandLine {
  if (argv.includes('--version') || argv.includes('-v')) return { kind: 'print', text: SERVER_VERSION };
  if (argv.includes('--help') || argv.includes('-h')) {
    return { kind: 'print', text: 'Usage: surveyor-language-server [--stdio | --node-ipc | --socket=PORT | --pipe=NAME]: the Surveyor language server (LSP), on stdio unless told otherwise.' };
  }
  const named = argv.some((arg) => TRANSPORTS.includes(arg.split('=')[0]!));
  return { kind: 'serve', argv: named ? [...argv] : [...argv, '--stdio'] };
}
