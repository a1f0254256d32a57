/**
 * `npm run corpus`: Surveyor's findings on the judged real lists, per rule
 * (findings, judged true), and how they differ from `test/corpora/*.expected`.
 * `npm run corpus -- --write` rewrites the expectation files from the current
 * findings, keeping the notes of findings that stay; each new line must then
 * be read on the list and judged (a false alarm is fixed in the rule, never
 * recorded as expected).
 */
import * as fs from 'node:fs';
import { expectedPath, findingLines, judgedLists, perRule, readExpected } from '../test/support/corpusFindings';

const write = process.argv.includes('--write');
const total = new Map<string, { findings: number; judgedTrue: number }>();
for (const { name, file } of judgedLists()) {
  const { findings: expected, comments } = readExpected(name);
  const actual = findingLines(file);
  const known = new Map(expected.map((f) => [f.finding, f]));
  const added = actual.filter((f) => !known.has(f));
  const gone = expected.filter((f) => !actual.includes(f.finding));
  const judged = actual.flatMap((f) => (known.has(f) ? [known.get(f)!] : []));
  console.log(`\n${name}: ${actual.length} findings${added.length ? `, ${added.length} not judged yet` : ''}${gone.length ? `, ${gone.length} judged ones gone` : ''}`);
  for (const [code, row] of perRule(judged)) {
    console.log(`  ${code.padEnd(22)} ${String(row.findings).padStart(4)} judged, ${String(row.judgedTrue).padStart(4)} true`);
    const sum = total.get(code) ?? { findings: 0, judgedTrue: 0 };
    total.set(code, { findings: sum.findings + row.findings, judgedTrue: sum.judgedTrue + row.judgedTrue });
  }
  for (const f of added) console.log(`  + ${f}`);
  for (const f of gone) console.log(`  - ${f.finding}`);
  if (write) {
    const lines = [...comments];
    for (const f of actual) {
      lines.push(f);
      for (const note of known.get(f)?.notes ?? []) lines.push(`  ${note}`);
    }
    fs.writeFileSync(expectedPath(name), lines.join('\n') + '\n');
  }
}
console.log('\nAll lists:');
for (const [code, row] of [...total].sort()) console.log(`  ${code.padEnd(22)} ${String(row.findings).padStart(4)} findings, ${String(row.judgedTrue).padStart(4)} judged true`);
