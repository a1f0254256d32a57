import * as vscode from 'vscode';
import { match, ok } from './assertions';
import { HARNESS_PAPER } from './harnessPaper';
import { askProviders, lineIndexOf, openSurvey } from './surveyDocument';

const RUNNER = 'surveyor-dev.surveyor-web-test-runner';
const SURVEYOR = 'surveyor-dev.paper-surveyor';

/** Asks `probe` every 250 ms until it answers, for at most `timeoutMs`: there is no event for a hover's content or a file written in another extension's storage. */
async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await probe();
    if (answer !== undefined) return answer;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const harness = vscode.workspace.getConfiguration('surveyorWebTests').get<string>('harness');

/**
 * arXiv from the browser where the API allows a web page's request (CORS):
 * the browser's `fetch` from the server's web worker, and the record kept in
 * the extension's global storage through the client's `workspace.fs`. Only in
 * code-server, whose launcher serves an arXiv stand-in with CORS headers;
 * under @vscode/test-web there is none, and these tests are not defined.
 */
if (harness) {
  describe('Surveyor in the browser, and arXiv', () => {
    const settings = () => vscode.workspace.getConfiguration('surveyor');
    afterEach(async () => {
      await settings().update('arxiv.online', false, vscode.ConfigurationTarget.Global);
      await settings().update('arxiv.endpoint', undefined, vscode.ConfigurationTarget.Global);
    });

    /** Types an entry for `id` after the last entry of "Object detection"; answers the hover on its id, as it is once `ready` holds, then takes the entry out. */
    async function hoverOnNewEntry(endpoint: string, id: string, ready: (hover: string) => boolean): Promise<string> {
      await settings().update('arxiv.endpoint', endpoint, vscode.ConfigurationTarget.Global);
      await settings().update('arxiv.online', true, vscode.ConfigurationTarget.Global);
      const document = await openSurvey();
      const after = lineIndexOf(document, '4. Diffusion-based Data Augmentation for Object Counting Problems');
      const entry = `5. ${HARNESS_PAPER.title}. [[paper](https://arxiv.org/abs/${id})]`;
      const insert = new vscode.WorkspaceEdit();
      insert.insert(document.uri, new vscode.Position(after + 1, 0), `${entry}\n`);
      ok(await vscode.workspace.applyEdit(insert), 'the entry is typed');
      try {
        const at = new vscode.Position(after + 1, entry.indexOf(id));
        return await eventually('the hover', async () => {
          const hovers = await askProviders<vscode.Hover[]>('vscode.executeHoverProvider', [document.uri, at]);
          const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n').replace(/\\(?=[^\w\s])/g, '');
          return ready(text) ? text : undefined;
        });
      } finally {
        const undo = new vscode.WorkspaceEdit();
        undo.delete(document.uri, new vscode.Range(after + 1, 0, after + 2, 0));
        await vscode.workspace.applyEdit(undo);
      }
    }

    it('says in the hover that live metadata is not available when the browser blocks the answer (no CORS headers, as arXiv answers today)', async () => {
      const hover = await hoverOnNewEntry(`${harness}/blocked/api/query`, '2403.09998', (text) => text.includes('the last fetch failed'));
      match(hover, /cannot reach arXiv \(.+\); live metadata is not available in the browser here/);
    });

    it('fetches a paper the snapshot lacks where the API allows it, shows it in the hover and keeps it in its global storage', async () => {
      const hover = await hoverOnNewEntry(`${harness}/api/query`, HARNESS_PAPER.id, (text) => text.includes(HARNESS_PAPER.authors[0]));
      match(hover, /from the arXiv/);
      const runner = vscode.extensions.getExtension<{ globalStorageUri: vscode.Uri }>(RUNNER);
      ok(runner?.exports?.globalStorageUri, 'the runner tells where global storage is');
      const cache = vscode.Uri.joinPath(runner.exports.globalStorageUri, '..', SURVEYOR, 'arxiv-cache.json');
      const text = await eventually(`the record in ${cache.toString(true)}`, async () => {
        const bytes = await vscode.workspace.fs.readFile(cache).then(
          (read) => read,
          () => undefined,
        );
        const read = bytes && new TextDecoder().decode(bytes);
        return read?.includes(HARNESS_PAPER.title) ? read : undefined;
      });
      ok(JSON.parse(text).format === 2, 'a Surveyor cache');
    });
  });
}
