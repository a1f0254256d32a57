import { memoizeString } from './memo';

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

/** The arXiv id a URL names, or undefined when it names none. */
export const parseArxivUrl = memoizeString(parseArxivUrlOnce);

function parseArxivUrlOnce(url: string): ArxivId | undefined {
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

/** The archives of old-style ids (`hep-th/9901001`), which arXiv stopped issuing in March 2007. */
const OLD_ARCHIVES = new Set([
  'acc-phys', 'adap-org', 'alg-geom', 'ao-sci', 'astro-ph', 'atom-ph', 'bayes-an', 'chao-dyn', 'chem-ph', 'cmp-lg',
  'comp-gas', 'cond-mat', 'cs', 'dg-ga', 'funct-an', 'gr-qc', 'hep-ex', 'hep-lat', 'hep-ph', 'hep-th', 'math',
  'math-ph', 'mtrl-th', 'nlin', 'nucl-ex', 'nucl-th', 'patt-sol', 'physics', 'plasm-ph', 'q-alg', 'q-bio',
  'quant-ph', 'solv-int', 'supr-con',
]);

/**
 * Why an id cannot exist, or undefined when it can. New ids began in April
 * 2007 (`0704.0001`) with four digits after the dot and have five since
 * January 2015; old ids run from 1991 to March 2007; versions start at v1.
 */
export function arxivIdProblem(id: string, version?: number): string | undefined {
  if (version === 0) return 'versions start at v1, not v0';
  const modern = /^(\d{2})(\d{2})\.(\d+)$/.exec(id);
  if (modern) {
    const [, yy, mm, serial] = modern;
    const month = Number(mm);
    if (month < 1 || month > 12) return `month ${mm} does not exist (the id starts with YYMM)`;
    const yymm = Number(yy) * 100 + month;
    if (yymm < 704) return `new-style ids began in April 2007 (0704), so ${yy}${mm} cannot start one`;
    if (yymm < 1501 && serial!.length !== 4) return `ids from before 2015 have four digits after the dot, not ${serial!.length}`;
    if (yymm >= 1501 && serial!.length !== 5) return `ids from 2015 on have five digits after the dot, not ${serial!.length}`;
    return undefined;
  }
  const old = /^([a-z-]+)\/(\d{2})(\d{2})\d{3}$/.exec(id);
  if (!old) return 'it is not of the form YYMM.NNNNN or archive/YYMMNNN';
  const [, archive, yy, mm] = old;
  if (!OLD_ARCHIVES.has(archive!)) return `"${archive}" is not an arXiv archive`;
  const month = Number(mm);
  if (month < 1 || month > 12) return `month ${mm} does not exist (the number starts with YYMM)`;
  const year = Number(yy) >= 91 ? 1900 + Number(yy) : 2000 + Number(yy);
  if (year > 2007 || (year === 2007 && month > 3)) return 'old-style ids ended in March 2007';
  return undefined;
}

/** The year an id was issued in: `2401.15422` → 2024, `hep-th/9901001` → 1999. */
export function arxivIdYear(id: string): number | undefined {
  const m = /^(\d{2})\d{2}\.|\/(\d{2})\d{5}$/.exec(id);
  if (!m) return undefined;
  const yy = Number(m[1] ?? m[2]);
  return yy >= 91 ? 1900 + yy : 2000 + yy;
}

/**
 * The year and month an id was issued in: `2309.01234` → 2023/09, `cs/0601001` → 2006/01.
 * arXiv numbers a paper in the month it announces it, which may be after the month it was submitted in.
 */
export function arxivIdIssued(id: string): { year: number; month: number } | undefined {
  const m = /^(\d{2})(\d{2})\.|\/(\d{2})(\d{2})\d{3}$/.exec(id);
  if (!m) return undefined;
  const yy = Number(m[1] ?? m[3]);
  const month = Number(m[2] ?? m[4]);
  if (month < 1 || month > 12) return undefined;
  return { year: yy >= 91 ? 1900 + yy : 2000 + yy, month };
}

/** An id or any arXiv URL as a person types it: `2401.15422`, `arXiv:2401.15422v2`, `https://arxiv.org/pdf/2401.15422`. */
export function parseArxivReference(input: string): ArxivId | undefined {
  const trimmed = input.trim();
  const fromUrl = parseArxivUrl(/^[a-z]+:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
  if (fromUrl) return fromUrl;
  const m = new RegExp(String.raw`^(?:arXiv:)?${ID_WITH_VERSION}$`, 'i').exec(trimmed);
  return m ? toArxivId(m[1]!, m[2]) : undefined;
}
