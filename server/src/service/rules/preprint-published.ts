import type { Entry } from '../model/types';
import { publicationSources } from '../publications/sources';
import type { Publication } from '../publications/publicationSource';
import { SHIPPED_VENUES } from '../venues';
import { entryRule } from './entryRule';
import type { Fix } from '../engine/rule';

/** How a list writes that an entry is a preprint: arXiv's name and aliases (`arXiv`, `arXiv preprint`, `CoRR`). */
const PREPRINT = new Set(SHIPPED_VENUES.filter((v) => v.name === 'arXiv').flatMap((v) => [v.name, ...v.aliases].map((s) => s.toLowerCase())));

/** A stated reference longer than this is cut in the message, with "…". */
const QUOTED = 80;

/**
 * `preprint-published` (info): an entry listed as `arXiv 2023` whose arXiv
 * record says where the paper was published (a journal reference naming a
 * known venue and year, or a DOI whose name encodes them): `Published as
 * ACL 2024 (journal reference on arXiv: "…"): the entry says arXiv 2023.`
 * Only what the record states; never a guess from the title or the comment.
 */
export const preprintPublished = entryRule(
  'preprint-published',
  (entry, { metadata, settings }) => {
    const { venue, year, arxiv } = entry;
    if (!venue || !year || !arxiv || !PREPRINT.has(venue.text.trim().toLowerCase())) return [];
    const publication = publicationSources(metadata, settings).publicationOf(arxiv.id);
    if (publication === undefined || publication === 'unknown') return [];
    const evidence = publication.evidence === 'doi' ? `DOI ${publication.stated} on arXiv` : `journal reference on arXiv: "${quoted(publication.stated)}"`;
    return [
      {
        range: venue.range,
        message: `Published as ${publication.venue} ${publication.year} (${evidence}): the entry says ${venue.text.trim()} ${year.value}.`,
        fixes: [rewrite(entry, venue, year, publication)],
      },
    ];
  },
  { metadata: true },
);

/**
 * The venue and year rewritten where the entry writes them: `arXiv 2023` →
 * `ACL 2024`, `arXiv'23` → `ACL'24`. Where the year stands apart from the
 * venue (a date tag, a table's Date column), it is the entry's date and is
 * kept: the venue becomes `ACL 2024`. A content change: offered, never safe.
 */
function rewrite(entry: Entry, venue: NonNullable<Entry['venue']>, year: NonNullable<Entry['year']>, publication: Publication): Fix {
  // `arXiv 2023`, `arXiv, 2023`, `arXiv'23`; a table row's Venue and Date are cells apart.
  const gap = year.range.start.character - venue.range.end.character;
  const beside = !entry.row && venue.range.end.line === year.range.start.line && gap >= 0 && gap <= 2;
  const written = year.text.length === 2 ? String(publication.year).slice(2) : String(publication.year);
  const edits = beside
    ? [
        { range: venue.range, newText: publication.venue },
        { range: year.range, newText: written },
      ]
    : [{ range: venue.range, newText: `${publication.venue} ${publication.year}` }];
  return { title: `Change to ${publication.venue} ${publication.year}`, edits, safe: false, isPreferred: true };
}

function quoted(text: string): string {
  const plain = text.replace(/\s+/g, ' ').trim();
  return plain.length > QUOTED ? `${plain.slice(0, QUOTED - 1)}…` : plain;
}
