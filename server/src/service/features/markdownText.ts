/**
 * Untrusted text (titles, authors, abstracts from the network, text from the
 * document) made inert for hover Markdown: every Markdown punctuation mark is
 * escaped so that no link, image, emphasis or heading can be formed; `<` and
 * `&` become entities so no HTML can be; and `://` and `www.` are broken so
 * that no autolink (`command:` URIs included) appears.
 */
export function inertMarkdown(untrusted: string): string {
  return untrusted
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/[\\`*_{}[\]()#+\-.!|~>"'$%^=?@,;/:]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/\\:\\\/\\\//g, '&#58;//')
    .replace(/www\\\./gi, (m) => `${m.slice(0, 3)}&#46;`);
}
