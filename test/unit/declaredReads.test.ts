import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultSettings } from '../../shared/settings';
import type { ChunkRule } from '../../server/src/service/engine/rule';
import { SurveyorLanguageService } from '../../server/src/service/languageService';
import { RULES } from '../../server/src/service/rules';
import { document, readShared } from '../support/fixtures';

/** Invariant: a rule reads only what it declares; reading anything else fails instead of serving stale findings. */
describe('rules read only what they declare', () => {
  const text = '# S\n\n1. A paper. _Doe, J._ arXiv 2023. [[paper](https://arxiv.org/abs/2305.16289)]\n';
  const run = (rule: ChunkRule) => {
    const logs: string[] = [];
    const settings = defaultSettings();
    const service = new SurveyorLanguageService({ settings: { settingsFor: () => settings }, logger: { log: (m) => logs.push(m) }, rules: [rule] });
    service.getDiagnostics(document(text));
    return logs;
  };
  const rule = (reads: ChunkRule['reads'], read: 'survey' | 'metadata' | 'files'): ChunkRule => ({
    scope: 'chunk',
    code: 'entry-format',
    ...(reads ? { reads } : {}),
    check: (_chunk, context) => (context[read] ? [] : []),
  });

  it('a rule that reads the survey facts or metadata without declaring them fails, and says which', () => {
    assert.match(run(rule(undefined, 'survey')).join('\n'), /entry-format reads "survey" without declaring it/);
    assert.match(run(rule({ survey: true }, 'metadata')).join('\n'), /entry-format reads "metadata" without declaring it/);
    assert.match(run(rule({ survey: true, metadata: true }, 'files')).join('\n'), /reads "files", which only document rules may read/);
  });

  it('a rule that declares what it reads runs quietly', () => {
    assert.deepEqual(run(rule({ survey: true }, 'survey')), []);
    assert.deepEqual(run(rule({ metadata: true }, 'metadata')), []);
  });

  it('every shipped rule declares what it reads (none fails on the reference survey)', () => {
    const logs: string[] = [];
    const settings = defaultSettings();
    new SurveyorLanguageService({ settings: { settingsFor: () => settings }, logger: { log: (m) => logs.push(m) }, rules: RULES }).getDiagnostics(
      document(readShared('seed', 'LLM-data-aug-survey.README.md')),
    );
    assert.deepEqual(logs, []);
  });
});
