import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './fixtures';

/** A step of a GitHub Actions job, as the tests read it. */
export interface WorkflowStep {
  name?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
  'working-directory'?: string;
  if?: string;
}

export interface Workflow {
  on: { push?: { tags?: string[]; branches?: string[] } };
  jobs: Record<string, { permissions?: Record<string, string>; steps: WorkflowStep[] }>;
}

/** `.github/workflows/NAME`, parsed as GitHub would reject it: strict YAML, no repeated keys. */
export function readWorkflow(name: string): Workflow {
  return parse(fs.readFileSync(path.join(ROOT, '.github', 'workflows', name), 'utf8'), { strict: true, uniqueKeys: true }) as Workflow;
}
