import { CloseAction, type BaseLanguageClient, type ErrorHandler } from 'vscode-languageclient';

/** Restarts allowed within three minutes before the client gives up (vscode-languageclient's policy). */
export const MAX_RESTARTS = 4;

/**
 * vscode-languageclient's own restart policy (a bounded number of restarts
 * within three minutes), saying in the output channel each time the server
 * stopped unexpectedly and is started again. Only giving up shows a message
 * box: a restart that works needs no click.
 */
export function restartingErrorHandler(client: () => BaseLanguageClient): ErrorHandler {
  let policy: ErrorHandler | undefined;
  let restarts = 0;
  const own = () => (policy ??= client().createDefaultErrorHandler(MAX_RESTARTS));
  return {
    error: (error, message, count) => own().error(error, message, count),
    async closed() {
      const result = await own().closed();
      if (result.action !== CloseAction.Restart) return result;
      restarts++;
      return { action: CloseAction.Restart, handled: true, message: `The Surveyor server stopped unexpectedly; restarting it (restart ${restarts}; after ${MAX_RESTARTS} within three minutes it stays stopped).` };
    },
  };
}
