/** `--online` and `surveyor fetch`: asking arXiv for the papers the files name, and telling what became of each. */

import { papers } from './cliPapers';
import type { Metadata } from './metadata/setup';

/**
 * Fetches what the cache does not know, with progress and what could not be
 * fetched (and why) on stderr; returns a one-line summary and how many failed.
 */
export async function fetchNamedPapers(metadata: Metadata, ids: string[], maxBackoffMs: number, err: (s: string) => void): Promise<{ summary: string; failed: number }> {
  const wanted = metadata.store.wanted(ids);
  if (wanted.length > 0) err(`surveyor: fetching arXiv metadata for ${papers(wanted.length)}`);
  const report = await metadata.store.fetch(wanted, { maxBackoffMs, onProgress: (done, total) => err(`surveyor: fetching arXiv metadata ${done}/${total}`) });
  const byReason = new Map<string, string[]>();
  for (const [id, reason] of report.failed) byReason.set(reason, [...(byReason.get(reason) ?? []), id]);
  for (const [reason, failed] of byReason) err(`surveyor: ${papers(failed.length)} could not be fetched (${reason}): ${listed(failed)}`);
  if (report.missing.length > 0) err(`surveyor: arXiv has no paper with the id ${listed(report.missing)}`);
  for (const [id, reason] of report.invalid) err(`surveyor: ${id} is not sent to arXiv: it cannot exist (${reason})`);
  const parts = [
    ids.length > wanted.length ? `${ids.length - wanted.length} fresh in the cache` : '',
    `${report.fetched.length} fetched from arXiv`,
    report.missing.length > 0 ? `${report.missing.length} not on arXiv` : '',
    report.invalid.size > 0 ? `${report.invalid.size} not valid arXiv ids` : '',
    report.failed.size > 0 ? `${report.failed.size} could not be fetched` : '',
  ].filter((part) => part !== '');
  const cache = report.saved && metadata.cache ? `cache written: ${metadata.cache.name}` : 'nothing written to the cache';
  return { summary: `${papers(ids.length)} named: ${parts.join(', ')}; ${cache}`, failed: report.failed.size };
}

/** The first few ids, and how many more. */
function listed(ids: string[]): string {
  const shown = 5;
  return ids.length <= shown ? ids.join(', ') : `${ids.slice(0, shown).join(', ')} and ${ids.length - shown} more`;
}
