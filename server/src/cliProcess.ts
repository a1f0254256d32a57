/**
 * The CLI as a process: `main`'s output to stdout and stderr, its status as
 * the exit code. A reader that goes away (`surveyor check … | head -1`) is
 * no error: what is left to print is dropped, and the run ends with the
 * status it would have had, without a stack trace. Output that cannot be
 * written otherwise (a full disk under `> out.sarif`) is exit status 2: the
 * report is incomplete, and a run that seems to pass must not hide that.
 */

export function runAsProcess(run: (out: (s: string) => void, err: (s: string) => void) => Promise<number>): void {
  let writeFailed = false;
  const onWriteError = () => {
    writeFailed = true;
    process.exitCode = 2;
  };
  const out = lineWriter(process.stdout, onWriteError);
  const err = lineWriter(process.stderr, onWriteError);
  run(out, err).then(
    // A failed write may be reported before the run ends or after; either way the status is 2.
    (status) => (process.exitCode = writeFailed ? 2 : status),
    (error: unknown) => {
      err(`surveyor: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exitCode = 2;
    },
  );
}

function lineWriter(stream: NodeJS.WriteStream, onWriteError: () => void): (s: string) => void {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    // A closed pipe ends the output quietly; anything else is a write that cannot be reported but on stderr, if at all.
    closed = true;
    if (error.code === 'EPIPE') return;
    onWriteError();
    if (stream !== process.stderr) process.stderr.write(`surveyor: cannot write the output (${error.code ?? error.message})\n`, () => undefined);
  });
  return (s: string) => {
    if (!closed) stream.write(s + '\n');
  };
}
