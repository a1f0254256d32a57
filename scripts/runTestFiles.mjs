// Runs several test files in this one process (see scripts/test.mjs for why), each as a suite
// named after its file, so that the report says which file a failing test is in.
// Usage: node --import tsx --test-reporter=spec scripts/runTestFiles.mjs FILE...
import { describe } from 'node:test';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

for (const file of process.argv.slice(2)) {
  describe(file, async () => {
    await import(pathToFileURL(path.resolve(file)).href);
  });
}
