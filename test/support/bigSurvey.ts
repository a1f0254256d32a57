/**
 * `copies` copies of a survey, each with its arXiv ids shifted and its titles
 * marked (`1. [c7] Camdiff: …`) so that no two copies list the same arXiv
 * papers: a real survey of this size lists thousands of different papers,
 * not one title under a hundred ids (which every identity rule would rightly
 * flag). For the benchmark and the load tests.
 */
export function bigSurvey(source: string, copies: number): string {
  const parts: string[] = [];
  for (let k = 0; k < copies; k++) {
    parts.push(
      source
        .replace(/(arxiv\.org\/(?:abs|pdf)\/\d{4}\.)(\d{4,5})/g, (_, prefix: string, num: string) => prefix + String((Number(num) + k * 37) % 10 ** num.length).padStart(num.length, '0'))
        .replace(/^(\d+\. )(?=\S)/gm, k === 0 ? '$1' : `$1[c${k}] `),
    );
  }
  return parts.join('\n');
}
