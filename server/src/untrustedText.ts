import stripAnsi from 'strip-ansi';

// What remains after the escape sequences: C0 and C1 controls and DEL (a lone
// ESC or CSI byte still starts a sequence in a terminal), and the bidi
// embedding, override and isolate controls, which reorder what is shown around
// them so that the text reads other than it is.
const INVISIBLE_CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\u202a-\u202e\u2066-\u2069]/g;
// Tab, line feed, vertical tab, form feed, carriage return and NEL break words: a space keeps them apart.
const BREAKING_CONTROLS = /[\t-\r\u0085]/g;

/**
 * Text from outside (an arXiv answer, a cache file anyone could have edited)
 * made harmless to show in a terminal or a hover: terminal escape sequences
 * removed whole, line breaks and tabs turned into spaces, every other control
 * character removed. Printable text, whatever its script, is kept.
 */
export function withoutControls(text: string): string {
  return stripAnsi(text).replace(BREAKING_CONTROLS, ' ').replace(INVISIBLE_CONTROLS, '');
}

/** `withoutControls`, on one line: runs of whitespace folded to one space, none at either end. */
export function cleanText(text: string): string {
  return withoutControls(text).replace(/\s+/g, ' ').trim();
}
