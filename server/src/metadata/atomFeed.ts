import { XMLParser } from 'fast-xml-parser';
import { parseArxivUrl } from '../service/model/arxivId';
import type { ArxivRecord } from '../service/metadata';
import { checkedRecord } from './checkedRecord';
import { cleanText } from '../untrustedText';

/** What one API answer holds: the papers found, or the error the API reported. */
export type FeedResult = { kind: 'records'; records: ArxivRecord[] } | { kind: 'error'; message: string };

// Entity processing off: no DOCTYPE is read, so no entity can expand; the five
// predefined entities and character references are decoded below, by hand.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  removeNSPrefix: true,
  isArray: (name) => ['entry', 'author', 'link', 'category'].includes(name),
});

/**
 * Reads an arXiv Atom feed (see ../shared/docs/arxiv-api.md). Throws on text
 * that is not such a feed (truncated, malformed, or declaring entities): the
 * caller treats the whole answer as failed.
 */
export function parseAtomFeed(xml: string): FeedResult {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new Error('the answer declares a DOCTYPE or entities, which an arXiv feed never does');
  const doc = parser.parse(xml, true) as { feed?: { entry?: RawEntry[] } };
  if (!doc.feed || typeof doc.feed !== 'object') throw new Error('the answer is not an Atom feed');
  const entries = doc.feed.entry ?? [];
  const records: ArxivRecord[] = [];
  for (const entry of entries) {
    const idUrl = text(entry.id);
    if (/arxiv\.org\/api\/errors/i.test(idUrl)) return { kind: 'error', message: cleanText(text(entry.summary)) || cleanText(text(entry.title)) || 'arXiv reported an error' };
    const parsed = parseArxivUrl(idUrl);
    if (!parsed) continue;
    // Text is cleaned and every field checked where all records enter, the cache's included.
    const record = checkedRecord({
      id: parsed.id,
      title: text(entry.title),
      authors: (entry.author ?? []).map((a) => text(a.name)),
      published: date(text(entry.published)),
      updated: date(text(entry.updated)),
      version: parsed.version ?? null,
      primaryCategory: attribute(entry.primary_category, 'term') ?? attribute(entry.category?.[0], 'term'),
      journalRef: text(entry.journal_ref),
      doi: text(entry.doi),
      comment: text(entry.comment),
      abstract: text(entry.summary),
    });
    if (record) records.push(record);
  }
  return { kind: 'records', records };
}

interface RawEntry {
  id?: unknown;
  title?: unknown;
  summary?: unknown;
  published?: unknown;
  updated?: unknown;
  author?: { name?: unknown }[];
  category?: unknown[];
  primary_category?: unknown;
  journal_ref?: unknown;
  doi?: unknown;
  comment?: unknown;
}

/** The text of an element: a string, or `#text` beside attributes; entities decoded. */
function text(node: unknown): string {
  if (typeof node === 'string') return decodeEntities(node);
  if (typeof node === 'number') return String(node);
  if (node && typeof node === 'object' && '#text' in node) return text((node as { '#text': unknown })['#text']);
  return '';
}

function attribute(node: unknown, name: string): string | null {
  if (!node || typeof node !== 'object') return null;
  const value = (node as Record<string, unknown>)[name];
  return typeof value === 'string' && value !== '' ? decodeEntities(value) : null;
}

function date(s: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(s.trim());
  return m ? m[1]! : null;
}

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The five predefined XML entities and numeric character references; any other `&name;` stays as written. */
export function decodeEntities(s: string): string {
  return s.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (name) return PREDEFINED[name.toLowerCase()] ?? whole;
    const code = hex ? parseInt(hex, 16) : Number(dec);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\uFFFD';
  });
}
