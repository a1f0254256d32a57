import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_RULE_SEVERITIES, RULE_CODES, RULE_DESCRIPTIONS, SETTING_KEYS, defaultSettings } from '../../shared/settings';
import { RULES } from '../../server/src/service/rules';
import { ROOT } from '../support/fixtures';

const read = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));

/**
 * The settings are declared three times (shared/settings.ts, package.json's
 * contributes for the VS Code UI, data/surveyor.schema.json for
 * .surveyor.json): they must not drift apart.
 */
describe('settings declarations agree', () => {
  const properties = read('package.json').contributes.configuration.properties;
  const schema = read('data/surveyor.schema.json');

  it('every rule is implemented once, in RULE_CODES order', () => {
    assert.deepEqual(RULES.map((r) => r.code), [...RULE_CODES]);
  });

  it('package.json declares every rule with its default and description', () => {
    const rules = properties['surveyor.rules'].properties;
    assert.deepEqual(Object.keys(rules), [...RULE_CODES]);
    for (const code of RULE_CODES) {
      assert.equal(rules[code].default, DEFAULT_RULE_SEVERITIES[code], code);
      assert.equal(rules[code].description, RULE_DESCRIPTIONS[code], code);
    }
  });

  it('the schema declares every rule with its default', () => {
    const rules = schema.properties.rules.properties;
    assert.deepEqual(Object.keys(rules), [...RULE_CODES]);
    for (const code of RULE_CODES) assert.equal(rules[code].default, DEFAULT_RULE_SEVERITIES[code], code);
  });

  it('every key the client forwards is a VS Code setting with the shared default', () => {
    const defaults = defaultSettings() as unknown as Record<string, Record<string, unknown>>;
    for (const key of SETTING_KEYS) {
      const declared = properties[`surveyor.${key}`];
      assert.ok(declared, `surveyor.${key} is declared`);
      if (key === 'rules') continue;
      const [head, tail] = key.split('.');
      const expected = tail ? defaults[head!]![tail] : defaults[head!];
      assert.deepEqual(declared.default, expected, key);
    }
  });

  it('the schema knows every top-level key of .surveyor.json', () => {
    // `taxonomy` names a file of the repository: .surveyor.json only, never an editor setting.
    const topLevel = new Set([...SETTING_KEYS.map((k) => k.split('.')[0]), 'taxonomy']);
    assert.deepEqual(Object.keys(schema.properties).filter((k) => k !== '$schema').sort(), [...topLevel].sort());
  });
});
