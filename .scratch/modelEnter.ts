import * as fs from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultSettings } from '/work/main/shared/settings';
import { SurveyorLanguageService } from '/work/main/server/src/service/languageService';
import { bigSurvey } from '/work/main/test/support/bigSurvey';
const text = bigSurvey(fs.readFileSync('/work/shared/seed/LLM-data-aug-survey.README.md', 'utf8'), 100);
const settings = defaultSettings();
const svc = new SurveyorLanguageService({ settings: { settingsFor: () => settings }, logger: { log: console.error } });
const doc = TextDocument.create('file:///x.md', 'markdown', 1, text);
svc.getDiagnostics(doc); svc.getModel(doc);
const times: number[] = [];
for (let i = 0; i < 30; i++) {
  const at = { line: 70 + i, character: 0 };
  TextDocument.update(doc, [{ range: { start: at, end: at }, text: '\n' }], doc.version + 1);
  svc.getDiagnostics(doc);
  const t = performance.now(); svc.getModel(doc); times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log('model after Enter: median', times[15]!.toFixed(1), 'ms, max', times[29]!.toFixed(1));
