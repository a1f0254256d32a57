import type { DocumentRule, RuleFinding } from '../engine/rule';

/**
 * `missing-file`: a link or image to a file of the repository
 * (`[cite](./images/cite.txt)`, `![fig](fig.png)`, `[prompts](PROMPT.md)`)
 * that does not exist, which GitHub shows as a link to a 404 page or a
 * broken image. Only where a file system is at hand (the CLI, a saved file
 * in the editor); elsewhere nothing is said. Web addresses are
 * `malformed-link`'s concern, in-page anchors `broken-anchor`'s.
 */
export const missingFile: DocumentRule = {
  scope: 'document',
  code: 'missing-file',
  check({ outline }, { uri, files }) {
    const findings: RuleFinding[] = [];
    for (const link of outline.fileLinks) {
      if (files.exists(uri, link.path) !== false) continue;
      findings.push({ range: link.range, message: `No file "${link.path}" in the repository: the link leads to a missing page on GitHub.`, fixes: [] });
    }
    return findings;
  },
};
