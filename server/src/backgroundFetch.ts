import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { SurveyorSettings } from '../../shared/settings';
import type { Metadata } from './metadata/setup';

export interface ProgressReporter {
  report(percentage: number, message: string): void;
  done(): void;
}

export interface BackgroundFetchOptions {
  metadata: Metadata;
  settingsFor(uri: string): SurveyorSettings;
  /** The arXiv ids a document names. */
  idsOf(document: TextDocument): string[];
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

  async fetchAndWait(uri: string, ids: string[]): Promise<void> {
    if (!this.configure(uri)) return;
    const changed = await this.options.metadata.store.fetch(ids);
    if (changed.length > 0) this.options.changed();
  }

  forget(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
  }

  private async run(document: TextDocument): Promise<void> {
    if (!this.configure(document.uri)) return;
    const { store } = this.options.metadata;
    const wanted = store.wanted(this.options.idsOf(document));
    if (wanted.length === 0) return;
    const progress = await this.options.startProgress('Fetching arXiv metadata');
    try {
      progress?.report(0, `0/${wanted.length}`);
      const changed = await store.fetch(wanted, (done, total) => progress?.report(Math.round((100 * done) / total), `${done}/${total}`));
      if (changed.length > 0) this.options.changed();
    } finally {
      progress?.done();
    }
  }

  /** Points the store at the client (online) or at nothing (offline) as the document's settings say. */
  private configure(uri: string): boolean {
    const { arxiv } = this.options.settingsFor(uri);
    const { store, client } = this.options.metadata;
    client.endpoint = arxiv.endpoint;
    store.configure(arxiv.online ? client : undefined, arxiv.cacheDays);
    return arxiv.online;
  }
}
