/**
 * `npm run bench`: how fast Surveyor analyses a survey, next to markdownlint on
 * the same text. Prints figures; it is not a test (the machines are shared and
 * noisy, so nothing here passes or fails a build).
 *
 *   cold analysis       a fresh service: parse + every rule
 *   edit -> diagnostics one character typed into a title, then diagnostics again
 *   markdownlint        its default rules on the same text
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint } from 'markdownlint/sync';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultSettings } from '../shared/settings';
import { SurveyorLanguageService } from '../server/src/service/languageService';
import { bigSurvey } from '../test/support/bigSurvey';

const REFERENCE = path.resolve(__dirname, '..', '..', 'shared', 'seed', 'LLM-data-aug-survey.README.md');
const FALLBACK = path.resolve(__dirname, '..', 'data', 'sample-survey.md');

function newService(): SurveyorLanguageService {
  const settings = defaultSettings();
  return new SurveyorLanguageService({ settings: { settingsFor: () => settings }, logger: { log: (m) => console.error(m) } });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function time(f: () => void): number {
  const start = performance.now();
  f();
  return performance.now() - start;
}

function bench(name: string, text: string, coldRuns: number, edits: number): void {
  const uri = 'file:///bench/README.md';
  const cold = Array.from({ length: coldRuns }, () => time(() => newService().getDiagnostics(TextDocument.create(uri, 'markdown', 1, text))));

  // Typing: a character into a title, and Enter at the end of an entry's line, in entries spread over the file.
  const service = newService();
  let doc = TextDocument.create(uri, 'markdown', 1, text);
  service.getDiagnostics(doc);
  const typing: number[] = [];
  const newline: number[] = [];
  for (let i = 0; i < edits; i++) {
    for (const [inserted, samples] of [['x', typing], ['\n', newline]] as const) {
      const entries = service.getModel(doc).entries.filter((e) => e.title);
      const entry = entries[Math.floor((i * entries.length) / edits)]!;
      const at = inserted === 'x' ? entry.title!.range.start : entry.range.end;
      const next = TextDocument.create(uri, 'markdown', doc.version + 1, doc.getText());
      TextDocument.update(next, [{ range: { start: at, end: at }, text: inserted }], doc.version + 1);
      samples.push(time(() => service.getDiagnostics(next)));
      doc = next;
    }
  }

  const mdlRuns = Array.from({ length: coldRuns }, () => time(() => lint({ strings: { [name]: text } })));
  const ours = median(cold);
  const theirs = median(mdlRuns);
  const mb = (text.length / 1e6).toFixed(2);
  console.log(`\n${name}: ${mb} MB, ${service.getModel(doc).entries.length} entries`);
  console.log(`  cold analysis (parse + rules)      median ${ours.toFixed(1)} ms over ${coldRuns} runs`);
  console.log(`  markdownlint on the same text      median ${theirs.toFixed(1)} ms over ${coldRuns} runs`);
  console.log(`  ratio surveyor / markdownlint      ${(ours / theirs).toFixed(2)}  (target <= 1)`);
  console.log(`  edit -> diagnostics, one character median ${median(typing).toFixed(2)} ms, max ${Math.max(...typing).toFixed(2)} ms over ${edits} edits`);
  console.log(`  edit -> diagnostics, new line      median ${median(newline).toFixed(2)} ms, max ${Math.max(...newline).toFixed(2)} ms over ${edits} edits`);
}

const hasReference = fs.existsSync(REFERENCE);
const source = fs.readFileSync(hasReference ? REFERENCE : FALLBACK, 'utf8');
if (!hasReference) console.log(`(../shared is not here: using ${FALLBACK})`);
console.log(`Surveyor benchmark, Node ${process.version}; targets: cold analysis no slower than markdownlint, edit -> diagnostics <= 15 ms on the 100x copy`);
bench('reference survey', source, 9, 40);
// The largest real list at hand (0.5 MB, 2,271 entries), when ../shared is here.
const LARGEST = path.join(path.dirname(REFERENCE), '..', 'corpora', 'codefuse-ai__Awesome-Code-LLM.README.md');
if (fs.existsSync(LARGEST)) bench('largest real list (Awesome-Code-LLM)', fs.readFileSync(LARGEST, 'utf8'), 5, 40);
bench('100x copy', bigSurvey(source, 100), 3, 40);
