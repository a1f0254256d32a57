import { describe, it } from 'node:test';
import { assertResponsive } from '../support/responsiveness';

/** The same check on a 3.5 MB survey runs in `npm run test:stress`. */
const COPIES = 5;

describe('a big survey read cold does not hold up the server', () => {
  it(`hovers on another document are answered during the parse, and a cancel stops it (${COPIES} copies of the reference survey)`, (t) => assertResponsive(t, COPIES));
});
