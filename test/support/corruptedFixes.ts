import { distance } from 'fastest-levenshtein';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { SurveyorLanguageService } from '../../server/src/service/languageService';
import type { SurveyDocument } from '../../server/src/service/model/types';
import { CorruptionSites, type Corruption } from './corruptions';
import { compareRenderings, render, renderChangedBlocks, type RenderedLink, type Rendering } from './renderedLinks';

/**
 * The fix-safety property over corrupted copies of a list: take a text that
 * fix-all leaves as it is (the reference), corrupt it once, apply every safe
 * fix until none is left, and check that
 *
 * - every link and image the corrupted text renders is still rendered (a link
 *   the fixes add back must be one the reference renders: a restoration);
 * - the fixes did not take the text further from the reference: a fix that
 *   edits what the corruption did not touch (rewrites a url, a correct table
 *   of contents) is not a repair, and fix-all must not apply it unseen.
 */

/** How many corruptions `test/stress/fixSafetyCorpus.test.ts` tries per list (`npm test` tries a few of its own). */
export const CORRUPTIONS_PER_TEXT = Number(process.env.SURVEYOR_CORRUPTIONS_PER_TEXT ?? 60);

/** The property above for one list, one corruption at a time. */
export class CorruptedFixes {
  private readonly sites: CorruptionSites;
  private version = 1_000_000;
  private referenceRendering: Rendering | undefined;

  /** `svc` has analysed `reference` under `uri` (or will): each corruption is one more version of that document. */
  constructor(
    private readonly svc: SurveyorLanguageService,
    private readonly uri: string,
    private readonly reference: string,
  ) {
    this.sites = new CorruptionSites(reference);
  }

  /** What is wrong with the fixes of the corruption `seed` picks, described; undefined when they kept their promise. */
  check(seed: number): string | undefined {
    const corruption = this.sites.corrupt(seed);
    const corrupted = this.doc(corruption.text);
    let doc = corrupted;
    for (let round = 0; round < 5; round++) {
      const edits = this.svc.getFixAllEdits(doc);
      if (edits.length === 0) break;
      doc = this.doc(TextDocument.applyEdits(doc, edits));
    }
    const fixed = doc.getText();
    if (fixed === corruption.text) return undefined;
    const problems: string[] = [];
    if (this.svc.getFixAllEdits(doc).length > 0) problems.push('fix-all did not converge in 5 rounds');
    if (fixed !== this.reference) {
      const [before, after] = renderChangedBlocks(corruption.text, fixed) ?? [render(corruption.text), render(fixed)];
      const rendered = (link: RenderedLink) => (this.referenceRendering ??= render(this.reference)).links.some((l) => l.kind === link.kind && l.url === link.url && l.text === link.text);
      problems.push(
        ...compareRenderings(before, after, {
          anchorsBefore: () => headingAnchors(this.svc.getModel(corrupted)),
          anchorsAfter: () => headingAnchors(this.svc.getModel(doc)),
          restored: rendered,
        }),
      );
      const further = fartherFrom(this.reference, corruption, fixed);
      if (further) problems.push(further);
    }
    return problems.length === 0 ? undefined : [describe(seed, corruption, fixed), ...problems.map((p) => `    ${p.replace(/\n/g, '\n    ')}`)].join('\n');
  }

  private doc(text: string): TextDocument {
    return TextDocument.create(this.uri, 'markdown', this.version++, text);
  }
}

function headingAnchors(model: SurveyDocument): Set<string> {
  return new Set(model.sections.flatMap((s) => (s.slug === undefined ? [] : [s.slug])));
}

/** A list item's number, which a renumbering rewrites after a line break came or went: not counted as a change. */
const LEADING_NUMBER = /^((?:[ \t]*>)*[ \t]*)\d+(?=[.)])/;

/**
 * Whether the fixes took the text further from the reference than the
 * corruption did, described; undefined when they did not. A line the
 * corruption did not touch must come out of the fixes as it went in (or as
 * the reference has it); on the lines it touched, the edit distance to the
 * reference must not grow. List numbers are left out.
 */
function fartherFrom(reference: string, corruption: Corruption, fixed: string): string | undefined {
  const [r, c, f] = [reference, corruption.text, fixed].map((t) => t.split('\n').map((line) => line.replace(LEADING_NUMBER, '$1#')));
  if (f!.length !== c!.length) return `the fixes changed the line count from ${c!.length} to ${f!.length}`;
  // The corruption's lines: one, or two where a line break came (in the corrupted text) or went (in the reference).
  const shift = c!.length - r!.length;
  const first = corruption.line;
  const lastCorrupted = first + Math.max(shift, 0);
  const away: string[] = [];
  for (let i = 0; i < c!.length; i++) {
    if (i >= first && i <= lastCorrupted) continue;
    const meant = r![i < first ? i : i - shift];
    if (f![i] !== c![i] && f![i] !== meant) away.push(`line ${i + 1}, which the corruption did not touch: ${JSON.stringify(c![i])} → ${JSON.stringify(f![i])}`);
  }
  if (away.length > 0) return `the fixes changed ${away.length} line(s) away from the corruption:\n  ${away.slice(0, 3).join('\n  ')}`;
  const window = (lines: string[], last: number) => lines.slice(first, last + 1).join('\n');
  const [rw, cw, fw] = [window(r!, first + Math.max(-shift, 0)), window(c!, lastCorrupted), window(f!, lastCorrupted)];
  const before = distance(cw, rw);
  const after = distance(fw, rw);
  if (after <= before) return undefined;
  return `the fixes took the corrupted line further from the reference (edit distance ${before} → ${after}):\n  reference: ${JSON.stringify(rw)}\n  corrupted: ${JSON.stringify(cw)}\n  fixed:     ${JSON.stringify(fw)}`;
}

function describe(seed: number, corruption: Corruption, fixed: string): string {
  const line = (t: string) => t.split('\n')[corruption.line] ?? '(none)';
  return `seed ${seed}: ${corruption.description}\n    corrupted line: ${JSON.stringify(line(corruption.text))}\n    after fix-all:  ${JSON.stringify(line(fixed))}`;
}
