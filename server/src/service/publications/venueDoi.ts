/**
 * The venue and year a DOI names, as a reference such as `ACL 2024`, for the
 * few DOI families whose names encode the event and its year; any other DOI
 * names no venue (a journal's DOI says which journal, not in words a list
 * writes, and a publisher's prefix covers many venues).
 */

/** ACL Anthology event ids (`2024.acl-long.12`) of the main conferences, as lists write them. */
const ACL_EVENTS: Record<string, string> = { acl: 'ACL', emnlp: 'EMNLP', naacl: 'NAACL', eacl: 'EACL', aacl: 'AACL', coling: 'COLING' };

/** The main-conference volumes; demos, tutorials, student workshops and industry tracks are left out. */
const MAIN_VOLUMES = new Set(['long', 'short', 'main', '1']);

/** Old ACL Anthology ids (`P19-1423`): the letter is the conference. */
const OLD_ACL_LETTERS: Record<string, string> = { P: 'ACL', N: 'NAACL', D: 'EMNLP', E: 'EACL', C: 'COLING' };

export function referenceOfDoi(doi: string): string | undefined {
  const d = doi.trim();
  // The ACL Anthology's DOIs: 10.18653/v1/2024.acl-long.12, 10.18653/v1/2023.findings-emnlp.7.
  const acl = /^10\.18653\/v1\/((?:19|20)\d{2})\.([a-z]+)-([a-z0-9]+)\.\d+$/i.exec(d);
  if (acl) {
    const [, year, event, volume] = acl as unknown as [string, string, string, string];
    if (event.toLowerCase() === 'findings') {
      const of = ACL_EVENTS[volume.toLowerCase()];
      return of ? `Findings of ${of} ${year}` : undefined;
    }
    const name = ACL_EVENTS[event.toLowerCase()];
    return name && MAIN_VOLUMES.has(volume.toLowerCase()) ? `${name} ${year}` : undefined;
  }
  // Before 2020: 10.18653/v1/N19-1423, volume 1 being the main papers.
  const old = /^10\.18653\/v1\/([A-Z])(\d{2})-1\d{3}$/i.exec(d);
  if (old) {
    const name = OLD_ACL_LETTERS[old[1]!.toUpperCase()];
    return name ? `${name} 20${old[2]}` : undefined;
  }
  // ISCA: 10.21437/Interspeech.2023-1234.
  const isca = /^10\.21437\/interspeech\.((?:19|20)\d{2})-\d+$/i.exec(d);
  if (isca) return `Interspeech ${isca[1]}`;
  // IEEE conference proceedings: 10.1109/CVPR52729.2023.01234 (series, record number, year). Journals have no record number.
  const ieee = /^10\.1109\/([a-z]{3,})\d{4,}\.((?:19|20)\d{2})\.\d+$/i.exec(d);
  if (ieee) return `${ieee[1]!.toUpperCase()} ${ieee[2]}`;
  return undefined;
}
