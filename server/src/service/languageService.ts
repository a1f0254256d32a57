import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionContext,
  type CodeLens,
  type CompletionList,
  type Diagnostic,
  type DocumentLink,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type Location,
  type Position,
  type Range,
  type SelectionRange,
  type SymbolInformation,
  type TextEdit,
} from 'vscode-languageserver-types';
import { ServerCommands, type InsertPaperArgs } from '../../../shared/protocol';
import type { SurveyorSettings } from '../../../shared/settings';
import { SurveyAnalysis } from './engine/analysis';
import type { Finding } from './engine/finding';
import { arxivRefsInLine } from './model/arxivRefs';
import { LINE_BREAK } from './model/lines';
import { arxivRefAt, hover } from './features/hover';
import { codeActions } from './features/codeActions';
import { complete } from './features/completion';
import { foldingRanges } from './features/folding';
import { selectionRanges } from './features/selectionRanges';
import { codeLenses } from './features/codeLenses';
import { documentLinks } from './features/documentLinks';
import { definition } from './features/definition';
import { references } from './features/references';
import { prepareRename, rename } from './features/rename';
import { documentSymbols } from './features/documentSymbols';
import { workspaceSymbols } from './features/workspaceSymbols';
import { SHIPPED_TAXONOMY, type Taxonomy } from './taxonomy';
import { bareArxivLine, insertPaper, type InsertResult } from './features/insertPaper';
import { NO_METADATA, type ArxivRecord, type MetadataSource } from './metadata';
import { IncrementalParser, ParseCancelledError, type Cancellation } from './model/documentParser';
import { ParsedSurvey } from './model/parsedSurvey';
import { shiftRange } from './model/placement';
import type { SurveyDocument } from './model/types';
import { RULES } from './rules';
import { NO_FILES, type RepositoryFiles } from './repositoryFiles';
import type { Rule } from './engine/rule';
import { planNumbering, renumberFix } from './rules/list-numbering';
import { mergeEdits, mergeFixEdits } from './textEdits';
import { pointAt } from './model/positions';

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
  /** arXiv metadata (the server's store); none by default. */
  metadata?: MetadataSource;
  /** The category tree for heading completion (`taxonomy` in `.surveyor.json`); the shipped one by default. */
  taxonomy?: (settings: SurveyorSettings) => Taxonomy;
  /** The files beside a survey (the CLI's and the Node server's disk); none by default, and `missing-file` stays silent. */
  files?: RepositoryFiles;
  /** The rules to run, in the order of `RULE_CODES`; every rule by default (tests give their own). */
  rules?: readonly Rule[];
}

interface Analysis {
  version: number;
  text: string;
  settings: SurveyorSettings;
  parsed: ParsedSurvey;
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
  private readonly analysers = new Map<string, SurveyAnalysis>();
  private readonly analyses = new Map<string, Analysis>();
  /** Parses in slices under way, by document: requests for the version one is reading wait for it. */
  private readonly parsing = new Map<string, { version: number; text: string; done: Promise<void> }>();
  /** Bumped on every metadata change: findings of rules that read metadata are computed again. */
  private metadataGeneration = 0;

  constructor(private readonly options: LanguageServiceOptions) {}

  getModel(document: TextDocument, token?: Cancellation): SurveyDocument {
    return this.analysis(document, token).parsed.model;
  }

  getFindings(document: TextDocument, token?: Cancellation): Finding[] {
    const analysis = this.analysis(document, token);
    analysis.findings ??= this.analyser(document.uri).analyse(analysis.parsed, {
      uri: document.uri,
      settings: analysis.settings,
      metadata: this.metadata,
      files: this.options.files ?? NO_FILES,
      metadataGeneration: this.metadataGeneration,
      log: (m) => this.options.logger.log(m),
    });
    return analysis.findings;
  }

  getDiagnostics(document: TextDocument, token?: Cancellation): Diagnostic[] {
    return this.getFindings(document, token).map((f) => f.diagnostic);
  }

  getCodeActions(document: TextDocument, range: Range, context: CodeActionContext, token?: Cancellation): CodeAction[] {
    const whole = { renumberAll: this.getRenumberAllListsEdits(document, token), fixAll: this.getFixAllEdits(document, token) };
    const actions = codeActions(document, range, context, this.getFindings(document, token), whole);
    const bare = bareArxivLine(document, range.start.line);
    if (bare && (!context.only || context.only.some((k) => CodeActionKind.RefactorRewrite.startsWith(k)))) {
      const args: InsertPaperArgs = { uri: document.uri, position: pointAt(range.start.line), reference: bare };
      actions.push({
        title: `Insert paper from arXiv ${bare}`,
        kind: CodeActionKind.RefactorRewrite,
        command: { title: 'Insert paper from arXiv', command: ServerCommands.insertPaper, arguments: [args] },
      });
    }
    return actions;
  }

  /** The entry for `record` at `position`, in the style of the list there, or why it is not inserted. */
  getInsertPaper(document: TextDocument, position: Position, record: ArxivRecord): InsertResult {
    return insertPaper(document, this.getModel(document), position, record);
  }

  /** Every list renumbered as `numbering` asks, whether or not its rule is on (chunk by chunk: numbering never crosses a heading). */
  getRenumberAllListsEdits(document: TextDocument, token?: Cancellation): TextEdit[] {
    const { parsed, settings } = this.analysis(document, token);
    const edits: TextEdit[] = [];
    for (const { chunk, firstLine } of parsed.chunks) {
      for (const plan of planNumbering(chunk.alone, settings.numbering)) {
        for (const edit of renumberFix(plan)?.edits ?? []) edits.push({ range: shiftRange(edit.range, firstLine), newText: edit.newText });
      }
    }
    return mergeEdits(edits);
  }

  /** The safe fixes of every finding, as one set of edits (fix-all, on save, `check --fix`). */
  getFixAllEdits(document: TextDocument, token?: Cancellation): TextEdit[] {
    return mergeFixEdits(this.getFindings(document, token).flatMap((f) => f.fixes.filter((x) => x.safe)));
  }

  /** Hover on an arXiv reference or a heading; answers with what is known now. */
  getHover(document: TextDocument, position: Position, token?: Cancellation): Hover | null {
    return hover(document, this.getModel(document, token), position, this.metadata);
  }

  /** The arXiv id referenced at `position`, for the server to fetch before it answers a hover. */
  arxivIdAt(document: TextDocument, position: Position): string | undefined {
    return arxivRefAt(document, position)?.id;
  }

  /** Every arXiv id the document names (entries first, then links and `arXiv:ID` in prose), for fetching in the background. */
  getArxivIds(document: TextDocument, token?: Cancellation): string[] {
    const ids = new Set<string>();
    for (const entry of this.getModel(document, token).entries) if (entry.arxiv) ids.add(entry.arxiv.id);
    document
      .getText()
      .split(LINE_BREAK)
      .forEach((line, n) => {
        if (/arxiv/i.test(line)) for (const ref of arxivRefsInLine(line, n)) ids.add(ref.id);
      });
    return [...ids];
  }

  getCompletions(document: TextDocument, position: Position, token?: Cancellation): CompletionList {
    const analysis = this.analysis(document, token);
    const taxonomy = this.options.taxonomy?.(analysis.settings) ?? SHIPPED_TAXONOMY;
    return complete({ document, doc: analysis.parsed.model, position, settings: analysis.settings, taxonomy });
  }

  getDocumentSymbols(document: TextDocument, token?: Cancellation): DocumentSymbol[] {
    return documentSymbols(this.getModel(document, token));
  }

  getWorkspaceSymbols(documents: TextDocument[], query: string, token?: Cancellation): SymbolInformation[] {
    return workspaceSymbols(documents.map((d) => ({ uri: d.uri, doc: this.getModel(d, token) })), query);
  }

  getFoldingRanges(document: TextDocument, token?: Cancellation): FoldingRange[] {
    return foldingRanges(this.getModel(document, token));
  }

  getSelectionRanges(document: TextDocument, positions: Position[], token?: Cancellation): SelectionRange[] {
    return selectionRanges(this.getModel(document, token), positions, (m) => this.options.logger.log(m));
  }

  getDefinition(document: TextDocument, position: Position, token?: Cancellation): Location[] {
    return definition(this.getModel(document, token), document.uri, position);
  }

  getReferences(document: TextDocument, position: Position, includeDeclaration: boolean, token?: Cancellation): Location[] {
    return references(this.getModel(document, token), document.uri, position, includeDeclaration);
  }

  prepareRename(document: TextDocument, position: Position, token?: Cancellation): { range: Range; placeholder: string } | null {
    return prepareRename(this.getModel(document, token), position);
  }

  /** Throws `UserError` when the position is not a heading or the name is not one. */
  rename(document: TextDocument, position: Position, newName: string, token?: Cancellation): TextEdit[] {
    return rename(this.getModel(document, token), position, newName);
  }

  getCodeLenses(document: TextDocument, token?: Cancellation): CodeLens[] {
    const analysis = this.analysis(document, token);
    return analysis.settings.codeLens ? codeLenses(analysis.parsed.model) : [];
  }

  getDocumentLinks(document: TextDocument): DocumentLink[] {
    return documentLinks(document.getText().split(LINE_BREAK));
  }

  /** Settings changed: the next request re-runs the rules (parsed chunks are kept). */
  settingsChanged(): void {
    this.analyses.clear();
  }

  /** New arXiv metadata arrived: rules that read it run again on the next request. */
  metadataChanged(): void {
    this.metadataGeneration++;
    for (const analysis of this.analyses.values()) delete analysis.findings;
  }

  private get metadata(): MetadataSource {
    return this.options.metadata ?? NO_METADATA;
  }

  /** The document was closed: drop what was kept for it. */
  forget(uri: string): void {
    this.parsers.delete(uri);
    this.analysers.delete(uri);
    this.analyses.delete(uri);
    this.parsing.delete(uri);
  }

  /**
   * Past `maxFileSize` a file is not parsed at all (one clear problem instead):
   * parsing blocks the server, and every other document would wait for it.
   */
  private parse(uri: string, text: string, settings: SurveyorSettings, token?: Cancellation): ParsedSurvey {
    if (tooLarge(text, settings)) {
      this.parsers.delete(uri);
      const size = (text.length / 1_000_000).toFixed(1);
      const start = pointAt(0);
      return ParsedSurvey.unreadable({
        message: `This file is ${size} MB, more than surveyor.maxFileSize (${settings.maxFileSize} MB), so Surveyor does not check it. Raise the setting to check it anyway.`,
        range: { start, end: start },
      });
    }
    let parser = this.parsers.get(uri);
    if (!parser) this.parsers.set(uri, (parser = new IncrementalParser()));
    return parser.parse(text, token);
  }

  /**
   * Parses this version of the document, unless it is parsed already, in
   * slices that let other work in between (`pause` yields to the event loop):
   * the server awaits it before answering a request, so that a big document
   * read cold holds up neither requests for other documents nor
   * cancellations. The request then finds the parse done. Requests for the
   * same version share one parse; one cancelled by its own request is
   * started again for the others.
   */
  async prepare(document: TextDocument, pause: () => Promise<void>, token?: Cancellation): Promise<void> {
    for (;;) {
      const { uri, version } = document;
      const text = document.getText();
      const cached = this.analyses.get(uri);
      if (cached && cached.version === version && cached.text === text) return;
      const settings = this.options.settings.settingsFor(uri);
      if (tooLarge(text, settings)) return; // answered at once, without parsing
      const flight = this.parsing.get(uri);
      if (flight && flight.version === version && flight.text === text) {
        try {
          await flight.done;
          return;
        } catch (error) {
          if (!(error instanceof ParseCancelledError) || token?.isCancellationRequested) throw error;
          continue; // the request that started it was cancelled, this one was not
        }
      }
      const done = this.parseInSlices(document, text, pause, token);
      const mine = { version, text, done };
      this.parsing.set(uri, mine);
      try {
        await done;
      } finally {
        if (this.parsing.get(uri) === mine) this.parsing.delete(uri);
      }
      return;
    }
  }

  private async parseInSlices(document: TextDocument, text: string, pause: () => Promise<void>, token?: Cancellation): Promise<void> {
    const { uri, version } = document;
    let parser = this.parsers.get(uri);
    if (!parser) this.parsers.set(uri, (parser = new IncrementalParser()));
    const parsed = await parser.parseInSlices(text, token, pause);
    // Overtaken by a newer parse, or the document changed or closed meanwhile: the request parses what it finds.
    if (!parsed || document.version !== version || this.parsers.get(uri) !== parser) return;
    this.analyses.set(uri, { version, text, settings: this.options.settings.settingsFor(uri), parsed });
  }

  private analyser(uri: string): SurveyAnalysis {
    let analyser = this.analysers.get(uri);
    if (!analyser) this.analysers.set(uri, (analyser = new SurveyAnalysis(this.options.rules ?? RULES)));
    return analyser;
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
    const analysis: Analysis = { version: document.version, text, settings, parsed: this.parse(document.uri, text, settings, token) };
    this.analyses.set(document.uri, analysis);
    return analysis;
  }
}

function tooLarge(text: string, settings: SurveyorSettings): boolean {
  return text.length > settings.maxFileSize * 1_000_000;
}
