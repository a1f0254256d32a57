import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { RULE_CODES, RULE_DESCRIPTIONS } from '../../shared/settings';
import { cli, repo } from './support';

/**
 * The part of the SARIF 2.1.0 schema (OASIS, sarif-schema-2.1.0.json) that
 * code scanning reads, written out here: the schema cannot be fetched from
 * this machine. The constraints are the schema's own: the version constant,
 * the level enumeration, 1-based lines and columns, required properties.
 */
const SARIF_SUBSET = {
  type: 'object',
  required: ['version', 'runs'],
  properties: {
    version: { const: '2.1.0' },
    $schema: { type: 'string' },
    runs: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['tool'],
        properties: {
          columnKind: { enum: ['utf16CodeUnits', 'unicodeCodePoints'] },
          tool: {
            type: 'object',
            required: ['driver'],
            properties: {
              driver: {
                type: 'object',
                required: ['name'],
                properties: {
                  name: { type: 'string', minLength: 1 },
                  version: { type: 'string' },
                  informationUri: { type: 'string' },
                  rules: {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['id'],
                      properties: {
                        id: { type: 'string' },
                        shortDescription: { $ref: '#/$defs/message' },
                        defaultConfiguration: { type: 'object', properties: { level: { $ref: '#/$defs/level' }, enabled: { type: 'boolean' } }, additionalProperties: false },
                      },
                    },
                  },
                },
              },
            },
          },
          results: {
            type: 'array',
            items: {
              type: 'object',
              required: ['message'],
              properties: {
                ruleId: { type: 'string' },
                ruleIndex: { type: 'integer', minimum: -1 },
                level: { $ref: '#/$defs/level' },
                message: { $ref: '#/$defs/message' },
                locations: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      physicalLocation: {
                        type: 'object',
                        properties: {
                          artifactLocation: { type: 'object', properties: { uri: { type: 'string' }, uriBaseId: { type: 'string' } }, additionalProperties: false },
                          region: {
                            type: 'object',
                            properties: {
                              startLine: { type: 'integer', minimum: 1 },
                              startColumn: { type: 'integer', minimum: 1 },
                              endLine: { type: 'integer', minimum: 1 },
                              endColumn: { type: 'integer', minimum: 1 },
                            },
                            additionalProperties: false,
                          },
                        },
                      },
                    },
                  },
                },
                properties: { type: 'object' },
              },
            },
          },
        },
      },
    },
  },
  $defs: {
    level: { enum: ['none', 'note', 'warning', 'error'] },
    message: { type: 'object', required: ['text'], properties: { text: { type: 'string' } } },
  },
};

const validate = new Ajv({ allErrors: true, strict: true }).compile(SARIF_SUBSET);
/** Not a type guard: the tests go on reading the log as data. */
const isSarif = (data: unknown): boolean => validate(data);

describe('surveyor check --format sarif', () => {
  it('is SARIF 2.1.0 of the shape code scanning reads, with 1-based UTF-16 columns and hint/info as note', async () => {
    // A link after an emoji: the emoji is 2 UTF-16 code units, so the anchor's name "nowhere" starts in column 11 (10 in code points, 10 if 0-based).
    const text = '# S\n\n😀 x [a](#nowhere)\n\n1. a\n3. b\n';
    const dir = repo({ 'docs/README.md': text, '.surveyor.json': JSON.stringify({ rules: { 'list-numbering': 'hint' } }) });
    const r = await cli(['check', '--format', 'sarif', 'docs/README.md'], dir);
    const log = JSON.parse(r.stdout);
    assert.ok(isSarif(log), JSON.stringify(validate.errors));
    const run = log.runs[0];
    assert.equal(run.tool.driver.name, 'Surveyor');
    assert.equal(run.tool.driver.informationUri, undefined, 'no public address exists yet');
    assert.deepEqual(run.tool.driver.rules.map((rule: { id: string }) => rule.id), [...RULE_CODES]);
    assert.equal(run.tool.driver.rules[RULE_CODES.indexOf('title-mismatch')].shortDescription.text, RULE_DESCRIPTIONS['title-mismatch']);
    assert.equal(run.tool.driver.rules[RULE_CODES.indexOf('title-mismatch')].defaultConfiguration.level, 'note');
    const [anchor, numbering] = run.results;
    assert.equal(anchor.ruleId, 'broken-anchor');
    assert.equal(anchor.level, 'warning');
    assert.equal(run.tool.driver.rules[anchor.ruleIndex].id, 'broken-anchor');
    assert.deepEqual(anchor.locations[0].physicalLocation, {
      artifactLocation: { uri: 'docs/README.md', uriBaseId: '%SRCROOT%' },
      region: { startLine: 3, startColumn: 11, endLine: 3, endColumn: 18 },
    });
    assert.equal(numbering.ruleId, 'list-numbering');
    assert.equal(numbering.level, 'note', 'a hint is a note');
    assert.deepEqual(numbering.locations[0].physicalLocation.region, { startLine: 6, startColumn: 1, endLine: 6, endColumn: 2 });
    assert.equal(r.stderr, '1 warning, 1 hint in 1 file', 'the summary line stays off stdout');
  });

  it('the check rejects what code scanning would: a wrong level name, a 0-based column', () => {
    const good = { version: '2.1.0', runs: [{ tool: { driver: { name: 'Surveyor' } }, results: [{ message: { text: 'm' }, level: 'note', locations: [{ physicalLocation: { region: { startLine: 1, startColumn: 1 } } }] }] }] };
    assert.ok(isSarif(good));
    const wrongLevel = structuredClone(good);
    (wrongLevel.runs[0]!.results[0] as { level: string }).level = 'info';
    assert.ok(!isSarif(wrongLevel));
    const zeroColumn = structuredClone(good);
    zeroColumn.runs[0]!.results[0]!.locations[0]!.physicalLocation.region.startColumn = 0;
    assert.ok(!isSarif(zeroColumn));
  });

  it('names files with spaces as URI references, and files outside the working folder by absolute file URI', async () => {
    const dir = repo({ 'my notes/README.md': '# S\n\n[a](#nowhere)\n' });
    const inside = JSON.parse((await cli(['check', '--format', 'sarif', 'my notes/README.md'], dir)).stdout);
    assert.equal(inside.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'my%20notes/README.md');
    const outside = JSON.parse((await cli(['check', '--format', 'sarif', `${dir}/my notes/README.md`], repo({}))).stdout);
    assert.deepEqual(outside.runs[0].results[0].locations[0].physicalLocation.artifactLocation, { uri: `file://${dir.split('/').map(encodeURIComponent).join('/')}/my%20notes/README.md` });
  });
});
