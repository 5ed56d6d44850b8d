// Test helper: all of a finding a front end can see, as plain data to compare.
import { boundTerms, formatBound, type Bound } from "../../src/core/algebra/bound";
import type { Finding } from "../../src/core/model";

/** A finding's fields, with each bound as printed (in its own symbol order) and as JSON terms. */
export function visible(f: Finding): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(f)) {
    if (k === "rank") continue;
    const b = v as Bound;
    out[k] = b && typeof b === "object" && "kind" in b && (b.kind === "poly" || b.kind === "unknown") ? [formatBound(b, f.rank), boundTerms(b)] : v;
  }
  return out;
}
