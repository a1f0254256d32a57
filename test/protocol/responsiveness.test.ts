import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { measureResponsiveness, median } from '../support/responsiveness';

/** The same check on a 3.5 MB survey runs in `npm run test:stress`. */
const COPIES = 5;

describe('a big survey read cold does not hold up the server', () => {
  it(`hovers on another document are answered during the parse, and a cancel stops it (${COPIES} copies of the reference survey)`, async (t) => {
    const r = await measureResponsiveness(COPIES);
    t.diagnostic(
      `${(r.bigSize / 1e6).toFixed(2)} MB: diagnostics cold in ${r.coldDiagnosticsMs.toFixed(0)} ms; hover idle ${r.idleHoverMs.toFixed(1)} ms, ` +
        `during the parse median ${median(r.hoversDuringParseMs).toFixed(1)} ms, max ${Math.max(...r.hoversDuringParseMs).toFixed(1)} ms (${r.hoversDuringParseMs.length} hovers); after a cancel ${r.hoverAfterCancelMs.toFixed(1)} ms`,
    );
    // Had the parse held the server, one hover would have waited for all of it, and only one would fit in it.
    assert.ok(r.hoversDuringParseMs.length >= 3, `${r.hoversDuringParseMs.length} hovers answered during a ${r.coldDiagnosticsMs.toFixed(0)} ms parse`);
    assert.ok(Math.max(...r.hoversDuringParseMs) < r.coldDiagnosticsMs / 3, 'no hover waited for the whole parse');
    assert.equal(r.cancelledWith, -32800, 'the cancelled request answers RequestCancelled');
    assert.ok(r.hoverAfterCancelMs < r.coldDiagnosticsMs / 3, 'the hover after a cancel does not wait for the parse');
  });
});
