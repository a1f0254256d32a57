import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { SurveyorSettings } from '../../shared/settings';
import type { FetchReport } from './metadata/metadataStore';
import type { Metadata } from './metadata/setup';

export interface ProgressReporter {
  report(percentage: number, message: string): void;
  done(): void;
}

export interface BackgroundFetchOptions {
  metadata: Metadata;
  settingsFor(uri: string): SurveyorSettings;
  /** The arXiv ids a document names; it may parse the document first (in slices, letting other requests in). */
  idsOf(document: TextDocument): Promise<string[]>;
  /** Work-done progress in the editor, when it supports it. */
  startProgress(title: string): Promise<ProgressReporter | undefined>;
  /** Some metadata changed: diagnostics that read it should be refreshed. */
  changed(): void;
  log(message: string): void;
}

/** How long after the last change a document's ids are looked at. */
const SETTLE_MS = 1000;

/**
 * Fetches, in the background, the arXiv papers a survey names that the
 * snapshot and cache do not know (or know only from long ago), when
 * `surveyor.arxiv.online` is on, with progress ("Fetching arXiv metadata 40/87").
 */
export class BackgroundFetch {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly options: BackgroundFetchOptions) {}

  /** Whether the document's settings let Surveyor ask arXiv (a question only: the store is set up when it fetches). */
  online(uri: string): boolean {
    return this.options.settingsFor(uri).arxiv.online;
  }

  /** Looks at the document's ids once typing settles. */
  schedule(document: TextDocument): void {
    clearTimeout(this.timers.get(document.uri));
    this.timers.set(
      document.uri,
      setTimeout(() => {
        this.timers.delete(document.uri);
        this.run(document).catch((error) => this.options.log(`arXiv fetch failed: ${(error as Error).stack ?? String(error)}`));
      }, SETTLE_MS),
    );
  }

  /** Starts fetching these ids (a hover), without waiting. */
  fetchNow(uri: string, ids: string[]): void {
    this.fetchAndWait(uri, ids).catch((error) => this.options.log(`arXiv fetch failed: ${String(error)}`));
  }

  /**
   * Fetches these ids now; resolves to what became of them (undefined when
   * the document's settings are offline). `maxBackoffMs`: how long to wait at
   * most when arXiv asks to slow down (a command the user waits on gives up soon).
   */
  async fetchAndWait(uri: string, ids: string[], maxBackoffMs?: number): Promise<FetchReport | undefined> {
    if (!this.configure(uri)) return undefined;
    const report = await this.options.metadata.store.fetch(ids, maxBackoffMs === undefined ? {} : { maxBackoffMs });
    if (report.asked.length > 0) this.options.changed();
    return report;
  }

  forget(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
  }

  private async run(document: TextDocument): Promise<void> {
    if (!this.configure(document.uri)) return;
    // A file too large to check is not read for ids either: scanning it would stall the server as parsing would.
    if (document.getText().length > this.options.settingsFor(document.uri).maxFileSize * 1_000_000) return;
    const { store } = this.options.metadata;
    const wanted = store.wanted(await this.options.idsOf(document));
    if (wanted.length === 0) return;
    const progress = await this.options.startProgress('Fetching arXiv metadata');
    try {
      progress?.report(0, `0/${wanted.length}`);
      const report = await store.fetch(wanted, { onProgress: (done, total) => progress?.report(Math.round((100 * done) / total), `${done}/${total}`) });
      if (report.asked.length > 0) this.options.changed();
    } finally {
      progress?.done();
    }
  }

  /** Points the store at the client (online) or at nothing (offline) as the document's settings say. */
  private configure(uri: string): boolean {
    const { arxiv } = this.options.settingsFor(uri);
    const { store, client } = this.options.metadata;
    store.configure({ client: arxiv.online ? client : undefined, endpoint: arxiv.endpoint, cacheDays: arxiv.cacheDays });
    return arxiv.online;
  }
}
