// The engine takes the `typescript` module as a parameter, so a copy whose node tests (`ts.isX`) and
// child walks (`forEachChild`) count their calls measures the analysis's work without timing it.
import ts = require("typescript");

/** A copy of the typescript module that counts its node tests and child walks. */
export function countingTypeScript(): { readonly ts: typeof ts; readonly steps: () => number } {
  let steps = 0;
  const counting: Record<string, unknown> = { ...ts };
  for (const [k, v] of Object.entries(ts)) {
    if (typeof v === "function" && (/^is[A-Z]/.test(k) || k === "forEachChild")) {
      counting[k] = (...args: unknown[]): unknown => {
        steps++;
        return (v as (...a: unknown[]) => unknown)(...args);
      };
    }
  }
  return { ts: counting as unknown as typeof ts, steps: () => steps };
}
