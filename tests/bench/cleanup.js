// @ts-check
// What a bench must undo on its way out (servers, the embedded database), last in first out, also
// when the run is interrupted (SIGINT/SIGTERM: undo, then exit 130).
'use strict';

/**
 * @param {string} tag prefix of the messages, e.g. "[bench]"
 */
function cleanupStack(tag) {
  /** @type {Array<() => Promise<unknown> | unknown>} */
  const list = [];
  const run = async () => {
    while (list.length) {
      const fn = list.pop();
      try {
        await fn?.();
      } catch (err) {
        console.error(`${tag} cleanup:`, err);
      }
    }
  };
  let interrupted = false;
  const onSignal = (/** @type {string} */ sig) => {
    if (interrupted) return;
    interrupted = true;
    console.error(`${tag} ${sig}: stopping`);
    run().finally(() => process.exit(130));
  };
  const onInt = () => onSignal('SIGINT');
  const onTerm = () => onSignal('SIGTERM');
  process.once('SIGINT', onInt);
  process.once('SIGTERM', onTerm);
  return {
    /** @param {() => Promise<unknown> | unknown} fn */
    push: (fn) => list.push(fn),
    pop: () => list.pop(),
    /** runs every cleanup and stops listening for signals */
    async done() {
      await run();
      process.removeListener('SIGINT', onInt);
      process.removeListener('SIGTERM', onTerm);
    },
  };
}

module.exports = { cleanupStack };
