import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { MAX_SUMMARY_ROWS, summaryMarkdown } from '../../server/src/cliSummary';
import type { CliFinding } from '../../server/src/cliFinding';
import { GAPPY, cli, repo } from './support';


describe('surveyor check --summary FILE (the job summary)', () => {
  it('appends counts per rule and severity and a table of the findings, and keeps what was there', async () => {
    const dir = repo({ 'README.md': `${GAPPY}\n[x](#nowhere)\n` });
    const file = path.join(dir, 'summary.md');
    fs.writeFileSync(file, '# An earlier step\n');
    const r = await cli(['check', '--summary', 'summary.md', 'README.md'], dir);
    assert.equal(r.status, 1);
    const summary = fs.readFileSync(file, 'utf8');
    assert.ok(summary.startsWith('# An earlier step\n## Surveyor\n\n3 warnings in 1 file\n'));
    assert.match(summary, /\| Rule \| warning \|\n\| --- \| ---: \|\n\| broken\\-anchor \| 1 \|\n\| list\\-numbering \| 2 \|/);
    assert.match(summary, /\| README\\\.md \| 5 \| warning \| list\\-numbering \| List numbering\\: expected 3\\, found 4\\\. \|/);
    assert.doesNotMatch(summary, /changed lines/, 'no such section without --changed-since');
  });

  it('with --changed-since: the findings on changed lines by file:line, then the rest', () => {
    const at = (line: number, changed: boolean): CliFinding => ({ file: 'README.md', line, column: 1, endLine: line, endColumn: 2, severity: 'warning', code: 'list-numbering', message: `m${line}`, changed });
    const summary = summaryMarkdown([at(11, true), at(5, false)], { files: 1, changedSince: 'abc123' });
    assert.match(summary, /2 warnings in 1 file; 1 on lines changed since abc123\n/);
    assert.match(summary, /### On changed lines\n\n- README\\\.md\\:11 warning list\\-numbering: m11\n/);
    assert.match(summary, /### Elsewhere\n\n\| File \| Line \| Severity \| Rule \| Message \|\n\| --- \| ---: \| --- \| --- \| --- \|\n\| README\\\.md \| 5 \| warning \| list\\-numbering \| m5 \|\n/);
  });

  it('shortens a commit id to 12 hex digits, and shows a ref name whole', () => {
    const sha = 'a'.repeat(40);
    assert.match(summaryMarkdown([], { files: 1, changedSince: sha }), /; 0 on lines changed since a{12}\n/);
    assert.match(summaryMarkdown([], { files: 1, changedSince: 'origin/feature-x' }), /; 0 on lines changed since origin\\\/feature\\-x\n/);
  });

  it('counts the papers without arXiv metadata as the stderr line does, offline too', async () => {
    const dir = repo({ 'README.md': '# S\n\n1. A paper. arXiv 2023. [[paper](https://arxiv.org/abs/2301.00001)]\n' });
    const r = await cli(['check', '--summary', 'summary.md', 'README.md'], dir);
    const note = / paper without arXiv metadata \(offline: only the bundled snapshot was read; --online or --cached to use more\)/;
    assert.match(r.stderr, note);
    assert.match(fs.readFileSync(path.join(dir, 'summary.md'), 'utf8').split('\n')[2]!, note);
  });

  it('shows the survey’s text as text: no HTML, no Markdown of its own, no live link, no cell broken by "|", no control character', () => {
    const at = (message: string): CliFinding => ({ file: 'README.md', line: 1, column: 1, endLine: 1, endColumn: 2, severity: 'info', code: 'venue-typo', message });
    const messages = ['Unknown venue "<script>x</script>|"', '<img src=x onerror=alert(1)> **bold** [l](u) `c` a&b', 'see https://evil.example/x and www.evil.example', 'line\nbreak\u001b[2J\u202e'];
    const summary = summaryMarkdown(messages.map(at), { files: 1, changedSince: undefined });
    const rows = summary.split('\n').filter((line) => line.startsWith('| README'));
    assert.equal(rows.length, 4);
    for (const row of rows) assert.equal(row.split(/(?<!\\)\|/).length, 7, `six cells: ${row}`);
    assert.doesNotMatch(summary, /<script|<img/);
    assert.doesNotMatch(summary, /https?:\/\/|www\./i, 'no autolink');
    assert.doesNotMatch(summary, /\*\*bold|\[l\]\(u\)|`c`/);
    assert.doesNotMatch(summary, /[\u0000-\u0009\u000b-\u001f\u202e]/);
    assert.match(summary, /line break /);
  });

  it(`is bounded: at most ${MAX_SUMMARY_ROWS} rows per table, then how many more; long messages cut`, () => {
    const many = Array.from({ length: MAX_SUMMARY_ROWS + 50 }, (_, i): CliFinding => ({ file: 'R.md', line: i + 1, column: 1, endLine: i + 1, endColumn: 2, severity: 'hint', code: 'x', message: 'y'.repeat(5000) }));
    const summary = summaryMarkdown(many, { files: 1, changedSince: undefined });
    assert.equal(summary.split('\n').filter((line) => line.startsWith('| R\\.md |')).length, MAX_SUMMARY_ROWS);
    assert.match(summary, /\nAnd 50 more \(the log lists them all\)\.\n/);
    assert.ok(summary.length < 100_000, `${summary.length} characters`);
  });

  it('a summary file that cannot be written: one line, exit 2', async () => {
    const dir = repo({ 'README.md': '# S\n' });
    const r = await cli(['check', '--summary', 'no/such/folder/summary.md', 'README.md'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /\nsurveyor: --summary .*summary\.md: could not be written \(ENOENT\)$/);
  });
});
