import { slug } from 'github-slugger';
import { closest } from './closest';
import type { AnchorRef, Section, SurveyOutline } from '../model/types';
import { decodeFragment } from '../model/slugs';

/** Where a `#fragment` leads: exactly, only when case is ignored, to the clearly closest heading, or nowhere. */
export type AnchorResolution =
  | { kind: 'exact' }
  | { kind: 'case'; target: string; section?: Section }
  | { kind: 'closest'; target: string; section: Section; distance: number }
  | { kind: 'none' };

/** The anchors a document defines: heading slugs (GitHub's rules) and explicit `id`/`name` anchors. */
export class AnchorTargets {
  private readonly exact = new Set<string>();
  private readonly lower = new Map<string, { target: string; section?: Section }>();
  private readonly slugs = new Map<string, Section>();
  private readonly nearest = new Map<string, AnchorResolution>();

  /** The targets of an outline (or a whole model, which shares its outline's arrays), made once per outline. */
  static of(outline: SurveyOutline): AnchorTargets {
    let targets = made.get(outline.sections);
    if (!targets) made.set(outline.sections, (targets = new AnchorTargets(outline)));
    return targets;
  }

  private constructor(doc: SurveyOutline) {
    for (const section of doc.sections) {
      if (!section.slug) continue;
      this.add(section.slug, section);
      this.slugs.set(section.slug, section);
    }
    for (const anchor of doc.explicitAnchors) this.add(anchor.name);
  }

  resolve(ref: AnchorRef): AnchorResolution {
    const fragment = anchorName(ref);
    if (this.exact.has(fragment)) return { kind: 'exact' };
    const caseOnly = this.lower.get(fragment.toLowerCase());
    if (caseOnly) return { kind: 'case', ...caseOnly };
    let resolution = this.nearest.get(fragment);
    if (!resolution) this.nearest.set(fragment, (resolution = this.closestHeading(fragment)));
    return resolution;
  }

  /** A typo of a few characters, and only when one heading is clearly the nearest. */
  private closestHeading(fragment: string): AnchorResolution {
    const answers = (this.closestAnswers ??= closestAnswersFor([...this.slugs.keys()]));
    let near = answers.get(fragment);
    if (near === undefined) {
      const found = closest(fragment.toLowerCase(), this.slugs.keys(), Math.max(2, Math.floor(fragment.length / 4)));
      answers.set(fragment, (near = found?.unique ? { target: found.candidate, distance: found.distance } : null));
    }
    return near ? { kind: 'closest', target: near.target, section: this.slugs.get(near.target)!, distance: near.distance } : { kind: 'none' };
  }

  private closestAnswers: Map<string, { target: string; distance: number } | null> | undefined;

  /** The section a fragment leads to, leniently: the table of contents meant it even when misspelled. */
  sectionMeant(ref: AnchorRef): Section | undefined {
    const resolution = this.resolve(ref);
    if (resolution.kind === 'exact') return this.slugs.get(anchorName(ref));
    return resolution.kind === 'none' ? undefined : resolution.section;
  }

  private add(name: string, section?: Section): void {
    this.exact.add(name);
    if (!this.lower.has(name.toLowerCase())) this.lower.set(name.toLowerCase(), section ? { target: name, section } : { target: name });
  }
}

/**
 * The part of a link's text that spells the anchor `name` (GitHub's slug of
 * it is `name`): the whole text, or the words of it that do ("3.3 Knowledge
 * Graph" spells #knowledge-graph with "Knowledge Graph"); undefined when no
 * part does.
 */
export function spelledBy(text: string, name: string): string | undefined {
  if (name === '') return undefined;
  // Which character of the text each character of its slug comes from: the slug keeps letters and digits, a space becomes `-`.
  const from: number[] = [];
  let spelled = '';
  let offset = 0;
  for (const c of text) {
    const kept = slug(c, true);
    for (let k = 0; k < kept.length; k++) from.push(offset);
    spelled += kept;
    offset += c.length;
  }
  const lower = spelled.toLowerCase();
  if (lower.length !== spelled.length || lower !== slug(text)) return undefined;
  for (let at = lower.indexOf(name); at !== -1; at = lower.indexOf(name, at + 1)) {
    const last = at + name.length - 1;
    if ((at === 0 || lower[at - 1] === '-') && (last === lower.length - 1 || lower[last + 1] === '-')) {
      // Whole words, with the marks the slug drops: "🚀(New) Technical Evolution" spells #new-technical-evolution.
      let start = from[at]!;
      while (start > 0 && !/\s/.test(text[start - 1]!)) start--;
      let end = from[last]! + 1;
      while (end < text.length && !/\s/.test(text[end]!)) end++;
      return text.slice(start, end);
    }
  }
  return undefined;
}

/** A fragment as the anchor it names: percent-decoded, without the `user-content-` prefix GitHub adds to ids. */
export function anchorName(ref: AnchorRef): string {
  return decodeFragment(ref.fragment).replace(/^user-content-/, '');
}

const made = new WeakMap<SurveyOutline['sections'], AnchorTargets>();

/**
 * The closest slug to each misspelled fragment, kept per list of slugs: an
 * Enter above the headings makes a new outline but leaves their names as
 * they were, and the search compares a fragment with every heading.
 */
const closestBySlugs = new Map<string, Map<string, { target: string; distance: number } | null>>();

function closestAnswersFor(slugs: string[]): Map<string, { target: string; distance: number } | null> {
  const key = slugs.join('\n');
  let answers = closestBySlugs.get(key);
  if (!answers) {
    // A few lists of slugs (a few open surveys, a heading being typed) are worth keeping; more are garbage.
    if (closestBySlugs.size >= 4) closestBySlugs.delete(closestBySlugs.keys().next().value!);
    closestBySlugs.set(key, (answers = new Map()));
  }
  return answers;
}

