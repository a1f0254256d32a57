/**
 * How many characters a text shares at its start, and then at its end, with
 * the text it replaced, which was read in pieces (contiguous, in order):
 * what an edit left alone. Each piece is compared where it stood (a
 * comparison of a slice with a string is a memory comparison, where
 * `startsWith` reads character by character), so two
 * versions of a 1 MB chunk cost a fraction of a millisecond and the text
 * before never has to be put together again; the piece the edit is in is
 * compared character by character.
 */
export function commonEnds(pieces: readonly { from: number; text: string }[], beforeLength: number, text: string): { prefix: number; suffix: number } {
  const most = Math.min(beforeLength, text.length);
  let prefix = 0;
  for (const piece of pieces) {
    if (piece.from + piece.text.length <= most && text.slice(piece.from, piece.from + piece.text.length) === piece.text) {
      prefix = piece.from + piece.text.length;
      continue;
    }
    while (prefix < most && piece.text.charCodeAt(prefix - piece.from) === text.charCodeAt(prefix)) prefix++;
    break;
  }
  // The suffix stops where the prefix ends: each character belongs to one side.
  const room = most - prefix;
  const delta = text.length - beforeLength;
  let suffix = 0;
  for (let i = pieces.length - 1; i >= 0; i--) {
    const piece = pieces[i]!;
    if (beforeLength - piece.from <= room && text.slice(piece.from + delta, piece.from + delta + piece.text.length) === piece.text) {
      suffix = beforeLength - piece.from;
      continue;
    }
    // Characters of this piece, from its end back, at the same distance from the end of both texts.
    while (suffix < room && piece.text.charCodeAt(beforeLength - suffix - 1 - piece.from) === text.charCodeAt(text.length - suffix - 1)) suffix++;
    break;
  }
  return { prefix, suffix };
}
