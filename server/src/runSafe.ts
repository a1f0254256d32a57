import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import { ParseCancelledError } from './service/model/documentParser';
import { InvalidParamsError } from './requestParams';
import { UserError } from './service/userError';

/**
 * Runs a request handler so that it never throws to the client: a cancelled
 * request answers RequestCancelled, a `UserError` answers its message, and
 * any other error is logged and answered with `empty` (so the editor shows
 * nothing rather than an error popup).
 */
export async function runSafe<T, E = void>(
  log: (message: string) => void,
  what: string,
  empty: T,
  token: CancellationToken | undefined,
  handler: () => Promise<T>,
  cancelData?: E,
): Promise<T | ResponseError<E>> {
  const cancelled = () => new ResponseError<E>(LSPErrorCodes.RequestCancelled, `${what}: request cancelled`, cancelData);
  if (token?.isCancellationRequested) return cancelled();
  try {
    const result = await handler();
    return token?.isCancellationRequested ? cancelled() : result;
  } catch (error) {
    if (error instanceof ParseCancelledError) return cancelled();
    if (error instanceof InvalidParamsError) return new ResponseError<E>(ErrorCodes.InvalidParams, `${what}: ${error.message}`);
    // A refusal meant for the user (rename off a heading) goes back as an error the editor shows.
    if (error instanceof UserError) return new ResponseError<E>(ErrorCodes.InvalidRequest, error.message);
    log(`Error while computing ${what}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return empty;
  }
}
