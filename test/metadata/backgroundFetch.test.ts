import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { BackgroundFetch } from '../../server/src/backgroundFetch';
import { ArxivClient } from '../../server/src/metadata/arxivClient';
import { MetadataStore } from '../../server/src/metadata/metadataStore';
import { defaultSettings } from '../../shared/settings';
import { FakeClock } from '../support/fakeArxiv';

describe('background fetch', () => {
  it('does not read a file larger than maxFileSize for ids, as the check does not read it', () => {
    const settings = defaultSettings();
    settings.maxFileSize = 0.001; // 1,000 characters
    const clock = new FakeClock();
    const endpoint = 'http://127.0.0.1:9/api/query';
    const metadata = { store: new MetadataStore({ snapshot: new Map(), endpoint, clock, log: () => {} }), client: new ArxivClient(endpoint, { clock, log: () => {} }), cache: undefined };
    const scanned: string[] = [];
    const background = new BackgroundFetch({
      metadata,
      settingsFor: () => settings,
      idsOf: async (document) => (scanned.push(document.uri), []),
      startProgress: async () => undefined,
      changed: () => {},
      log: () => {},
    });
    const line = '1. A paper. arXiv 2024. [[paper](https://arxiv.org/abs/2402.01234)]\n';
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      background.schedule(TextDocument.create('file:///big.md', 'markdown', 1, line.repeat(20)));
      background.schedule(TextDocument.create('file:///small.md', 'markdown', 1, line));
      mock.timers.tick(2000);
    } finally {
      mock.timers.reset();
    }
    assert.deepEqual(scanned, ['file:///small.md']);
  });
});
