import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../../server/src/metadata/clock';

/** Virtual time: `sleep` moves it forward at once, so spacing is checked without waiting. */
export class FakeClock implements Clock {
  time = 1_000_000;
  readonly sleeps: number[] = [];
  now(): number {
    return this.time;
  }
  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.time += Math.max(0, ms);
    await Promise.resolve();
  }
}

export interface PaperFixture {
  id: string;
  version?: number;
  title: string;
  authors: string[];
  published?: string;
  updated?: string;
  primaryCategory?: string;
  journalRef?: string;
  doi?: string;
  comment?: string;
  abstract?: string;
  /** Write the entry's links without rel/type/title, as some answers of late 2025 did. */
  bareLinks?: boolean;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An answer in the API's Atom format (../shared/docs/arxiv-api.md), written for these tests. */
export function feed(papers: PaperFixture[]): string {
  const entries = papers.map((p) => {
    const v = `${p.id}v${p.version ?? 1}`;
    const links = p.bareLinks
      ? `<link href="https://arxiv.org/abs/${v}"/><link href="https://arxiv.org/pdf/${v}"/>`
      : `<link href="https://arxiv.org/abs/${v}" rel="alternate" type="text/html"/><link href="https://arxiv.org/pdf/${v}" rel="related" type="application/pdf" title="pdf"/>`;
    return `  <entry>
    <id>http://arxiv.org/abs/${v}</id>
    <title>${esc(p.title)}</title>
    <updated>${p.updated ?? '2024-02-01'}T10:00:00Z</updated>
    ${links}
    <summary>  ${esc(p.abstract ?? 'An abstract.')}\n  </summary>
    <category term="${p.primaryCategory ?? 'cs.CL'}" scheme="http://arxiv.org/schemas/atom"/>
    <published>${p.published ?? '2024-01-15'}T10:00:00Z</published>
    ${p.comment ? `<arxiv:comment>${esc(p.comment)}</arxiv:comment>` : ''}
    ${p.journalRef ? `<arxiv:journal_ref>${esc(p.journalRef)}</arxiv:journal_ref>` : ''}
    ${p.doi ? `<arxiv:doi>${esc(p.doi)}</arxiv:doi>` : ''}
    <arxiv:primary_category term="${p.primaryCategory ?? 'cs.CL'}"/>
${p.authors.map((a) => `    <author><name>${esc(a)}</name></author>`).join('\n')}
  </entry>`;
  });
  return `<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">
  <id>https://arxiv.org/api/test</id>
  <title>arXiv Query: test</title>
  <updated>2026-01-01T00:00:00Z</updated>
  <opensearch:itemsPerPage>${papers.length}</opensearch:itemsPerPage>
  <opensearch:totalResults>${papers.length}</opensearch:totalResults>
  <opensearch:startIndex>0</opensearch:startIndex>
${entries.join('\n')}
</feed>
`;
}

/** The API's answer to a malformed id: HTTP 400 and a feed with one error entry. */
export function errorFeed(message: string): string {
  return `<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <entry>
    <id>https://arxiv.org/api/errors#incorrect_id_format</id>
    <title>Error</title>
    <summary>${esc(message)}</summary>
  </entry>
</feed>
`;
}

export interface SeenRequest {
  ids: string[];
  maxResults: number | undefined;
  /** Virtual time (the test's clock) when the request arrived. */
  at: number;
  /** How many requests were being answered at that moment, this one included. */
  concurrent: number;
}

export type Reply = { status?: number; body: string; headers?: Record<string, string>; delayMs?: number };

/** A loopback server answering like the arXiv API, with answers the test decides. */
export class FakeArxiv {
  readonly requests: SeenRequest[] = [];
  private readonly server: http.Server;
  private active = 0;
  /** Decides each answer; by default, every asked id that `papers` knows. */
  reply: (ids: string[], n: number) => Reply = (ids) => ({ body: feed(ids.flatMap((id) => this.papers.filter((p) => p.id === id))) });

  constructor(
    readonly clock: FakeClock,
    readonly papers: PaperFixture[] = [],
  ) {
    this.server = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const ids = (url.searchParams.get('id_list') ?? '').split(',').filter(Boolean);
      this.active++;
      const max = url.searchParams.get('max_results');
      this.requests.push({ ids, maxResults: max === null ? undefined : Number(max), at: this.clock.now(), concurrent: this.active });
      const reply = this.reply(ids, this.requests.length);
      const send = () => {
        this.active--;
        if (res.destroyed) return;
        res.writeHead(reply.status ?? 200, { 'content-type': 'application/atom+xml; charset=utf-8', ...reply.headers });
        res.end(reply.body);
      };
      if (reply.delayMs) setTimeout(send, reply.delayMs);
      else send();
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/query`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
