/**
 * `npm run bench`: how fast Surveyor analyses a survey, next to markdownlint on
 * the same text. Prints figures; it is not a test (the machines are shared and
 * noisy, so nothing here passes or fails a build).
 *
 *   cold analysis       a fresh service: parse + every rule
 *   edit -> diagnostics one character typed into a title, then diagnostics again
 *   markdownlint        its default rules on the same text
 *   one long list       a character typed into a title of a list of 100 entries and of 5,000, in turn
 *
 * Then, through other processes (scripts/benchProcesses.ts):
 *   one character typed -> diagnostics through the protocol, on the 469 KB list, next to one markdownlint pass
 *   cold check of each list, a whole `node dist/cli.js check` process next to a whole markdownlint-cli2 one
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint } from 'markdownlint/sync';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultSettings } from '../shared/settings';
import { SurveyorLanguageService } from '../server/src/service/languageService';
import { bigSurvey } from '../test/support/bigSurvey';
import { longList } from '../test/support/longList';
import { benchColdProcesses, benchProtocolTyping, median, row } from './benchProcesses';

const REFERENCE = path.resolve(__dirname, '..', '..', 'shared', 'seed', 'LLM-data-aug-survey.README.md');
const FALLBACK = path.resolve(__dirname, '..', 'data', 'sample-survey.md');

function newService(): SurveyorLanguageService {
  const settings = defaultSettings();
  return new SurveyorLanguageService({ settings: { settingsFor: () => settings }, logger: { log: (m) => console.error(m) } });
}

function time(f: () => void): number {
  const start = performance.now();
  f();
  return performance.now() - start;
}

function bench(name: string, text: string, coldRuns: number, edits: number): void {
  const uri = 'file:///bench/README.md';
  const cold = Array.from({ length: coldRuns }, () => time(() => newService().getDiagnostics(TextDocument.create(uri, 'markdown', 1, text))));

  // Typing: a character into a title, and Enter at the end of an entry's line, at entries spread over the
  // file. The document is updated in place, as the server's is; positions come from the text, so that the
  // figures are the service's own work (asking it for the whole model would add work an editor does not ask for).
  const service = newService();
  const doc = TextDocument.create(uri, 'markdown', 1, text);
  service.getDiagnostics(doc);
  const lines = text.split(/\r?\n/);
  const entryLines = lines.flatMap((line, n) => (/^\s*\d+[.)] \S/.test(line) ? [n] : []));
  const typing: number[] = [];
  const newline: number[] = [];
  let added = 0;
  for (let i = 0; i < edits && entryLines.length > 0; i++) {
    const line = entryLines[Math.floor((i * entryLines.length) / edits)]!;
    const title = /^\s*\d+[.)] /.exec(lines[line]!)![0].length;
    for (const [inserted, samples] of [['x', typing], ['\n', newline]] as const) {
      const at = { line: line + added, character: inserted === 'x' ? title : lines[line]!.length + 1 };
      TextDocument.update(doc, [{ range: { start: at, end: at }, text: inserted }], doc.version + 1);
      if (inserted === '\n') added++;
      samples.push(time(() => service.getDiagnostics(doc)));
    }
  }

  const mdlRuns = Array.from({ length: coldRuns }, () => time(() => lint({ strings: { [name]: text } })));
  const ours = median(cold);
  const theirs = median(mdlRuns);
  const mb = (text.length / 1e6).toFixed(2);
  console.log(`\n${name}: ${mb} MB, ${entryLines.length} entries`);
  console.log(row('cold analysis (parse + rules)', `median ${ours.toFixed(1)} ms over ${coldRuns} runs`));
  console.log(row('markdownlint on the same text', `median ${theirs.toFixed(1)} ms over ${coldRuns} runs`));
  console.log(row('ratio surveyor / markdownlint', `${(ours / theirs).toFixed(2)}  (target <= 1)`));
  console.log(row('edit -> diagnostics, one character', `median ${median(typing).toFixed(2)} ms, max ${Math.max(...typing).toFixed(2)} ms over ${edits} edits`));
  console.log(row('edit -> diagnostics, new line', `median ${median(newline).toFixed(2)} ms, max ${Math.max(...newline).toFixed(2)} ms over ${edits} edits`));
}

/**
 * A keystroke in one section that is a single long list: typed in turn into
 * a list of 100 entries and one of 5,000, so that both see the same machine.
 * The cost must not grow with the list: the target is 3x at most.
 */
function benchOneList(source: string, edits: number): void {
  const sizes = [100, 5_000];
  const typists = sizes.map((count) => {
    const text = longList(source, count);
    const service = newService();
    const doc = TextDocument.create(`file:///bench/list-${count}.md`, 'markdown', 1, text);
    service.getDiagnostics(doc);
    const entryLines = text.split('\n').flatMap((line, n) => (/^\d+\. \S/.test(line) ? [n] : []));
    let typed = 0;
    return {
      bytes: text.length,
      type(): number {
        const line = entryLines[(typed++ * 7919) % entryLines.length]!;
        const at = { line, character: /^\d+\. /.exec(doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }))![0].length };
        TextDocument.update(doc, [{ range: { start: at, end: at }, text: 'x' }], doc.version + 1);
        return time(() => service.getDiagnostics(doc));
      },
    };
  });
  // A few keystrokes first, so that both are timed with the code compiled.
  for (let i = 0; i < 10; i++) for (const typist of typists) typist.type();
  const samples = typists.map(() => [] as number[]);
  for (let i = 0; i < edits; i++) typists.forEach((typist, k) => samples[k]!.push(typist.type()));
  const [small, big] = samples.map(median) as [number, number];
  console.log(`\none long list: a character typed into a title, ${edits} times in turn (${(typists[1]!.bytes / 1e6).toFixed(2)} MB for 5,000 entries)`);
  sizes.forEach((count, k) => console.log(row(`edit -> diagnostics, ${count.toLocaleString('en-US')} entries`, `median ${median(samples[k]!).toFixed(2)} ms, max ${Math.max(...samples[k]!).toFixed(2)} ms`)));
  console.log(row('ratio 5,000 / 100 entries', `${(big / small).toFixed(2)}  (target <= 3)`));
}

const hasReference = fs.existsSync(REFERENCE);
const source = fs.readFileSync(hasReference ? REFERENCE : FALLBACK, 'utf8');
if (!hasReference) console.log(`(../shared is not here: using ${FALLBACK})`);
console.log(`Surveyor benchmark, Node ${process.version}; targets: cold analysis no slower than markdownlint, edit -> diagnostics <= 15 ms on the 100x copy,`);
console.log('  a keystroke in a list of 5,000 entries <= 3x one in a list of 100,');
console.log('  typing through the protocol <= 0.02x one markdownlint pass on the 469 KB list, cold check of each list below markdownlint-cli2');
bench('reference survey', source, 9, 40);
// The largest real list at hand (0.5 MB, 2,271 entries), when ../shared is here.
const CORPORA = path.join(path.dirname(REFERENCE), '..', 'corpora');
const LARGEST = path.join(CORPORA, 'codefuse-ai__Awesome-Code-LLM.README.md');
if (fs.existsSync(LARGEST)) bench('largest real list (Awesome-Code-LLM)', fs.readFileSync(LARGEST, 'utf8'), 5, 40);
bench('100x copy', bigSurvey(source, 100), 3, 40);
benchOneList(source, 40);

async function throughProcesses(): Promise<void> {
  // One character typed, through the real server, on the 469 KB list (1,475 numbered entries).
  const LONG_CONTEXT = path.join(CORPORA, 'Xnhyacinth__Awesome-LLM-Long-Context-Modeling.README.md');
  if (fs.existsSync(LONG_CONTEXT)) await benchProtocolTyping('Awesome-LLM-Long-Context-Modeling', fs.readFileSync(LONG_CONTEXT, 'utf8'), 40, 5);
  else console.log(`\n(typing through the protocol skipped: ${LONG_CONTEXT} is not here)`);

  // Cold check, whole process, of the reference survey and every real list.
  const lists = fs.existsSync(CORPORA) ? fs.readdirSync(CORPORA).filter((f) => f.endsWith('.README.md')).map((f) => path.join(CORPORA, f)) : [];
  lists.sort((a, b) => fs.statSync(a).size - fs.statSync(b).size);
  const files = [
    { label: hasReference ? 'reference survey' : 'sample survey', file: hasReference ? REFERENCE : FALLBACK },
    ...lists.map((file) => ({ label: path.basename(file, '.README.md'), file })),
  ];
  if (lists.length === 0) console.log(`\n(${CORPORA} is not here: the cold check runs on the ${files[0]!.label} only)`);
  benchColdProcesses(files, 3);
}

throughProcesses().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
