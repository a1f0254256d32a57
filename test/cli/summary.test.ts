import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { MAX_SUMMARY_ROWS, escapeMarkdown, summaryMarkdown } from '../../server/src/cliSummary';
import type { CliFinding } from '../../server/src/cliFinding';
import { cli, repo } from './support';

const GAPPY = '# Papers\n\n1. a\n2. b\n4. c\n\n## More\n\n2. d\n3. e\n';

describe('surveyor check --summary FILE (the job summary)', () => {
  it('appends counts per rule and severity and a table of the findings, and keeps what was there', async () => {
    const dir = repo({ 'README.md': `${GAPPY}\n[x](#nowhere)\n` });
    const file = path.join(dir, 'summary.md');
    fs.writeFileSync(file, '# An earlier step\n');
    const r = await cli(['check', '--summary', 'summary.md', 'README.md'], dir);
    assert.equal(r.status, 1);
    const summary = fs.readFileSync(file, 'utf8');
    assert.ok(summary.startsWith('# An earlier step\n## Surveyor\n\n3 warnings in 1 file\n'));
    assert.match(summary, /\| Rule \| warning \|\n\| --- \| ---: \|\n\| broken-anchor \| 1 \|\n\| list-numbering \| 2 \|/);
    assert.match(summary, /\| README\.md \| 5 \| warning \| list-numbering \| List numbering: expected 3, found 4\. \|/);
    assert.doesNotMatch(summary, /changed lines/, 'no such section without --changed-since');
  });

  it('with --changed-since: the findings on changed lines by file:line, then the rest', () => {
    const at = (line: number, changed: boolean): CliFinding => ({ file: 'README.md', line, column: 1, endLine: line, endColumn: 2, severity: 'warning', code: 'list-numbering', message: `m${line}`, changed });
    const summary = summaryMarkdown([at(11, true), at(5, false)], { files: 1, changedSince: 'abc123' });
    assert.match(summary, /2 warnings in 1 file; 1 on lines changed since abc123\n/);
    assert.match(summary, /### On changed lines\n\n- README\.md:11 warning list-numbering: m11\n/);
    assert.match(summary, /### Elsewhere\n\n\| File \| Line \| Severity \| Rule \| Message \|\n\| --- \| ---: \| --- \| --- \| --- \|\n\| README\.md \| 5 \| warning \| list-numbering \| m5 \|\n/);
  });

  it('shows the survey’s text as text: no HTML, no Markdown of its own, no cell broken by "|"', () => {
    assert.equal(escapeMarkdown('<img src=x onerror=alert(1)> | **bold** [l](u) `c` a&b'), '&lt;img src=x onerror=alert\\(1\\)&gt; \\| \\*\\*bold\\*\\* \\[l\\]\\(u\\) \\`c\\` a&amp;b');
    assert.equal(escapeMarkdown('line\nbreak\u001b[2J'), 'line break');
    const evil: CliFinding = { file: 'README.md', line: 1, column: 1, endLine: 1, endColumn: 2, severity: 'info', code: 'venue-typo', message: 'Unknown venue "<script>x</script>|"' };
    const summary = summaryMarkdown([evil], { files: 1, changedSince: undefined });
    assert.doesNotMatch(summary, /<script>/);
    assert.match(summary, /\| Unknown venue "&lt;script&gt;x&lt;\/script&gt;\\\|" \|\n/);
  });

  it(`is bounded: at most ${MAX_SUMMARY_ROWS} rows per table, then how many more; long messages cut`, () => {
    const many = Array.from({ length: MAX_SUMMARY_ROWS + 50 }, (_, i): CliFinding => ({ file: 'R.md', line: i + 1, column: 1, endLine: i + 1, endColumn: 2, severity: 'hint', code: 'x', message: 'y'.repeat(5000) }));
    const summary = summaryMarkdown(many, { files: 1, changedSince: undefined });
    assert.equal(summary.split('\n').filter((line) => line.startsWith('| R.md |')).length, MAX_SUMMARY_ROWS);
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
