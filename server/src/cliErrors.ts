/** The two ways a run stops with exit status 2 before it reports anything. */

/** The command line itself is wrong: one line, and a pointer to --help. */
export class UsageError extends Error {}

/**
 * An input cannot be used: a file that cannot be read, a folder or glob with
 * no survey file, an invalid .surveyor.json, a git question git cannot
 * answer. Each line names what and why; nothing has been written.
 */
export class InputError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}
