/**
 * arXiv identifiers: recognising them in URLs and text, and their canonical form.
 * New scheme `YYMM.NNNN(N)`, old scheme `archive(.SC)/YYMMNNN`, optional `vN`.
 */

export interface ArxivId {
  /** Canonical id without version (`2401.15422`, `math/0309136`). */
  id: string;
  version?: number;
}

const NEW_ID = String.raw`\d{4}\.\d{4,5}`;
const OLD_ID = String.raw`[a-z]+(?:-[a-z]+)*(?:\.[A-Za-z]{2})?/\d{7}`;
const ID_WITH_VERSION = String.raw`(${NEW_ID}|${OLD_ID})(?:v(\d+))?`;

const ARXIV_HOST = /^(?:(?:www|export|browse|web3)\.)?arxiv\.org$|^ar5iv(?:\.labs)?\.arxiv\.org$|^ar5iv\.org$/i;
const PATH = new RegExp(String.raw`^/(?:abs|pdf|html|format|ps)/${ID_WITH_VERSION}(?:\.pdf)?/?$`);

/** `arXiv:2401.15422` or `arXiv:hep-th/9901001v2` in prose. */
export const ARXIV_IN_TEXT = new RegExp(String.raw`\barXiv:${ID_WITH_VERSION}`, 'gi');

/** The arXiv id a URL names, or undefined when it names none. */
export function parseArxivUrl(url: string): ArxivId | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  if (!ARXIV_HOST.test(parsed.hostname)) return undefined;
  const m = PATH.exec(parsed.pathname);
  return m ? toArxivId(m[1]!, m[2]) : undefined;
}

export function toArxivId(raw: string, version?: string): ArxivId {
  // The subject class of old-style ids (`math.GT/0309136`) is not part of the canonical id.
  const id = raw.replace(/^([a-z-]+)\.[A-Za-z]{2}\//, '$1/');
  return version === undefined ? { id } : { id, version: Number(version) };
}

export function canonicalAbsUrl(id: string): string {
  return `https://arxiv.org/abs/${id}`;
}
