import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ArxivRecord } from '../server/src/service/metadata';

export const SNAPSHOT_FILE = path.resolve(__dirname, '..', 'data', 'arxiv', 'snapshot.json');

/** The snapshot as it ships: sorted by id, one record per line, so that a refresh diffs readably. */
export function writeSnapshot(records: ArxivRecord[], source: string, file = SNAPSHOT_FILE): void {
  const sorted = [...records].sort((a, b) => a.id.localeCompare(b.id));
  const body = sorted.map((r) => `    ${JSON.stringify(r)}`).join(',\n');
  const text = `{\n  "source": ${JSON.stringify(source)},\n  "license": "arXiv metadata is CC0 1.0",\n  "records": [\n${body}\n  ]\n}\n`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}
