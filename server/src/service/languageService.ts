import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CodeActionContext, Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import type { SurveyorSettings } from '../../../shared/settings';
import { runRules, type Finding } from './analysis';
import { codeActions } from './codeActions';
import { IncrementalParser, type Cancellation } from './model/documentParser';
import type { SurveyDocument } from './model/types';
import { planNumbering, renumberFix } from './rules/list-numbering';
import { mergeEdits, mergeFixEdits } from './textEdits';

/** Where the settings for a document come from (the server's merged layers, or the CLI's). */
export interface SettingsProvider {
  settingsFor(uri: string): SurveyorSettings;
}

export interface Logger {
  log(message: string): void;
}

export interface LanguageServiceOptions {
  settings: SettingsProvider;
  logger: Logger;
}

interface Analysis {
  version: number;
  text: string;
  settings: SurveyorSettings;
  model: SurveyDocument;
  findings?: Finding[];
}

/**
 * The Surveyor language service: text in, results out. It does no IO and
 * knows nothing of the LSP connection; the server and the CLI are two thin
 * front ends over it. Each document is parsed once per version and every
 * feature reads that one model.
 */
export class SurveyorLanguageService {
  private readonly parsers = new Map<string, IncrementalParser>();
  private readonly analyses = new Map<string, Analysis>();

  constructor(private readonly options: LanguageServiceOptions) {}

  getModel(document: TextDocument, token?: Cancellation): SurveyDocument {
    return this.analysis(document, token).model;
  }

  getFindings(document: TextDocument, token?: Cancellation): Finding[] {
    const analysis = this.analysis(document, token);
    analysis.findings ??= runRules(analysis.model, document.uri, analysis.settings, (m) => this.options.logger.log(m));
    return analysis.findings;
  }

  getDiagnostics(document: TextDocument, token?: Cancellation): Diagnostic[] {
    return this.getFindings(document, token).map((f) => f.diagnostic);
  }

  getCodeActions(document: TextDocument, range: Range, context: CodeActionContext, token?: Cancellation): CodeAction[] {
    const whole = { renumberAll: this.getRenumberAllListsEdits(document, token), fixAll: this.getFixAllEdits(document, token) };
    return codeActions(document, range, context, this.getFindings(document, token), whole);
  }

  /** Every list renumbered as `numbering` asks, whether or not its rule is on. */
  getRenumberAllListsEdits(document: TextDocument, token?: Cancellation): TextEdit[] {
    const analysis = this.analysis(document, token);
    const fixes = planNumbering(analysis.model, analysis.settings.numbering).map(renumberFix);
    return mergeEdits(fixes.flatMap((f) => f?.edits ?? []));
  }

  /** The safe fixes of every finding, as one set of edits (fix-all, on save, `check --fix`). */
  getFixAllEdits(document: TextDocument, token?: Cancellation): TextEdit[] {
    return mergeFixEdits(this.getFindings(document, token).flatMap((f) => f.fixes.filter((x) => x.safe)));
  }

  /** Settings changed: the next request re-runs the rules (parsed chunks are kept). */
  settingsChanged(): void {
    this.analyses.clear();
  }

  /** The document was closed: drop what was kept for it. */
  forget(uri: string): void {
    this.parsers.delete(uri);
    this.analyses.delete(uri);
  }

  private analysis(document: TextDocument, token?: Cancellation): Analysis {
    const settings = this.options.settings.settingsFor(document.uri);
    const cached = this.analyses.get(document.uri);
    const text = document.getText();
    if (cached && cached.version === document.version && cached.text === text) {
      if (cached.settings === settings) return cached;
      const refreshed = { ...cached, settings };
      delete refreshed.findings;
      this.analyses.set(document.uri, refreshed);
      return refreshed;
    }
    let parser = this.parsers.get(document.uri);
    if (!parser) this.parsers.set(document.uri, (parser = new IncrementalParser()));
    const analysis: Analysis = { version: document.version, text, settings, model: parser.parse(text, token) };
    this.analyses.set(document.uri, analysis);
    return analysis;
  }
}
