/**
 * The CLI as a process: `main`'s output to stdout and stderr, its status as
 * the exit code. A reader that goes away (`surveyor check … | head -1`) is
 * no error: what is left to print is dropped, and the run ends with the
 * status it would have had, without a stack trace.
 */

export function runAsProcess(run: (out: (s: string) => void, err: (s: string) => void) => Promise<number>): void {
  const out = lineWriter(process.stdout);
  const err = lineWriter(process.stderr);
  run(out, err).then(
    (status) => (process.exitCode = status),
    (error: unknown) => {
      err(`surveyor: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exitCode = 2;
    },
  );
}

function lineWriter(stream: NodeJS.WriteStream): (s: string) => void {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    // A closed pipe ends the output quietly; anything else is a write that cannot be reported but on stderr, if at all.
    closed = true;
    if (error.code !== 'EPIPE' && stream !== process.stderr) process.stderr.write(`surveyor: cannot write the output (${error.code ?? error.message})\n`, () => undefined);
  });
  return (s: string) => {
    if (!closed) stream.write(s + '\n');
  };
}
