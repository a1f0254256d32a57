/**
 * Builds `data/arxiv/snapshot.json`, the offline metadata of the reference
 * survey's papers, from `../shared/data/arxiv-seed.jsonl` (facts read from
 * public arXiv pages; arXiv metadata is CC0). What the seed does not know
 * stays null. `npm run data:refresh README.md` replaces it with live data.
 *
 *     node --import tsx scripts/build-snapshot.ts [SEED]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ArxivRecord } from '../server/src/service/metadata';
import { SNAPSHOT_FILE, writeSnapshot } from './snapshotFile';

const seed = process.argv[2] ?? path.resolve(__dirname, '..', '..', 'shared', 'data', 'arxiv-seed.jsonl');
const records: ArxivRecord[] = fs
  .readFileSync(seed, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => {
    const r = JSON.parse(line) as { id: string; title: string; authors: string[]; published: string | null; primary_category: string | null };
    return {
      id: r.id,
      title: r.title,
      authors: r.authors,
      published: r.published,
      updated: null,
      version: null,
      primaryCategory: r.primary_category,
      journalRef: null,
      doi: null,
      comment: null,
      abstract: null,
    };
  });
writeSnapshot(records, `arxiv-seed.jsonl (public arXiv pages, CC0), ${new Date().toISOString().slice(0, 10)}`);
console.log(`wrote ${records.length} records to ${path.relative(process.cwd(), SNAPSHOT_FILE)}`);
