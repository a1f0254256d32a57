/**
 * `--format sarif`: SARIF 2.1.0, the format GitHub code scanning uploads
 * (github/codeql-action/upload-sarif). Only what is real is filled in: there
 * is no public home page or rule documentation to link, so no
 * informationUri or helpUri.
 */

import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { DEFAULT_RULE_SEVERITIES, RULE_CODES, RULE_DESCRIPTIONS, type Severity } from '../../shared/settings';
import type { CliFinding } from './cliFinding';
import { SURVEYOR_VERSION } from './cliVersion';
import { withoutControls } from './untrustedText';

type SarifLevel = 'none' | 'note' | 'warning' | 'error';

/** SARIF has no level below note: info and hint are both notes. */
function levelOf(severity: Severity): SarifLevel {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : severity === 'off' ? 'none' : 'note';
}

export function sarifLog(findings: readonly CliFinding[]): object {
  const rules = RULE_CODES.map((code) => ({
    id: code,
    shortDescription: { text: RULE_DESCRIPTIONS[code] },
    defaultConfiguration: { level: levelOf(DEFAULT_RULE_SEVERITIES[code]), ...(DEFAULT_RULE_SEVERITIES[code] === 'off' ? { enabled: false } : {}) },
  }));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Surveyor', version: SURVEYOR_VERSION, rules } },
        // Columns are LSP's, in UTF-16 code units: SARIF's default, said outright.
        columnKind: 'utf16CodeUnits',
        results: findings.map((f) => {
          const index = (RULE_CODES as readonly string[]).indexOf(f.code);
          return {
            ruleId: f.code,
            ...(index >= 0 ? { ruleIndex: index } : {}),
            level: levelOf(f.severity),
            message: { text: withoutControls(f.message) },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: artifactLocation(f.file),
                  region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
                },
              },
            ],
            ...(f.changed !== undefined ? { properties: { changedLine: f.changed } } : {}),
          };
        }),
      },
    ],
  };
}

/** Relative to the working folder (the checkout's root in CI) for files inside it; an absolute file URI for others. */
function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  const absolute = path.resolve(file);
  const relative = path.relative(process.cwd(), absolute);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return { uri: URI.file(absolute).toString() };
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}
