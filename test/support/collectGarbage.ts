// V8's gc() for tests that check what the engine or the plugin lets go of, without starting node
// with --expose-gc.
import * as v8 from "node:v8";
import * as vm from "node:vm";

/**
 * Collects garbage until `released()` holds, at most `tries` times, each in a new job (a WeakRef
 * keeps what it was read in the current job). One collection is not always enough: about one run
 * of the suite in six kept the previous program through one, held for a moment by something in
 * V8 (a background compile's handles, a marking cycle that had begun) rather than by our code.
 */
export async function collectUntil(released: () => boolean, tries = 10): Promise<void> {
  v8.setFlagsFromString("--expose-gc");
  const gc = vm.runInNewContext("gc") as () => void;
  for (let i = 0; i < tries && !released(); i++) {
    await new Promise((resolve) => setImmediate(resolve));
    gc();
  }
}
