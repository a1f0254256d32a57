/**
 * `npm run data:refresh -- README.md [--endpoint URL] [--out FILE]`:
 * regenerates the bundled arXiv snapshot from the live API for every arXiv
 * id the README names (one polite batch of up to 100 ids every 3 s). A paper
 * the API does not return keeps its old record, with a warning.
 */
import * as fs from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ArxivClient } from '../server/src/metadata/arxivClient';
import { REAL_CLOCK } from '../server/src/metadata/clock';
import { loadSnapshot } from '../server/src/metadata/snapshot';
import { SurveyorLanguageService } from '../server/src/service/languageService';
import { DEFAULT_ARXIV_ENDPOINT, defaultSettings } from '../shared/settings';
import { SNAPSHOT_FILE, writeSnapshot } from './snapshotFile';

async function main(argv: string[]): Promise<number> {
  let endpoint = DEFAULT_ARXIV_ENDPOINT;
  let out = SNAPSHOT_FILE;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--endpoint') endpoint = argv[++i]!;
    else if (argv[i] === '--out') out = argv[++i]!;
    else files.push(argv[i]!);
  }
  if (files.length !== 1) {
    console.error('usage: npm run data:refresh -- README.md [--endpoint URL] [--out FILE]');
    return 2;
  }
  const service = new SurveyorLanguageService({ settings: { settingsFor: () => defaultSettings() }, logger: { log: console.error } });
  const ids = service.getArxivIds(TextDocument.create('file:///readme.md', 'markdown', 0, fs.readFileSync(files[0]!, 'utf8')));
  const client = new ArxivClient(endpoint, { clock: REAL_CLOCK, log: (m) => console.error(m) });
  const outcome = await client.fetchRecords(ids, { onProgress: (done, total) => console.error(`fetched ${done}/${total}`) });
  const old = loadSnapshot();
  const records = ids.flatMap((id) => {
    const record = outcome.records.get(id) ?? old.get(id);
    if (!outcome.records.has(id)) console.error(`${id}: not returned by arXiv (${outcome.failed.get(id) ?? outcome.invalid.get(id) ?? 'missing'}); ${record ? 'kept the old record' : 'left out'}`);
    return record ? [record] : [];
  });
  writeSnapshot(records, `arXiv API (${endpoint}), ${new Date().toISOString().slice(0, 10)}`, out);
  console.error(`wrote ${records.length} records to ${out}`);
  return outcome.failed.size > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then((status) => (process.exitCode = status));
