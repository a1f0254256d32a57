import { normalizeText } from '../model/identity';
import { entryRule } from './entryRule';

/**
 * `title-mismatch`: an entry whose title is not arXiv's title for its id
 * (case, punctuation and spacing ignored). Reported only where metadata is
 * known (snapshot, cache or a fetch); a renamed paper or a wrong id shows here.
 */
export const titleMismatch = entryRule(
  'title-mismatch',
  (entry, { metadata }) => {
    if (!entry.arxiv || !entry.title) return [];
    const state = metadata.lookup(entry.arxiv.id);
    if (state.kind !== 'known' || state.record.title.trim() === '') return [];
    const arxivTitle = state.record.title;
    if (normalizeText(arxivTitle) === normalizeText(entry.title.text)) return [];
    return [
      {
        range: entry.title.range,
        message: `Title differs from arXiv's for ${entry.arxiv.id}: arXiv has "${arxivTitle}".`,
        // Replacing a title is a content change: offered, never applied unseen.
        fixes: [{ title: 'Use the arXiv title', edits: [{ range: entry.title.range, newText: arxivTitle }], safe: false, isPreferred: true }],
      },
    ];
  },
  { metadata: true },
);
