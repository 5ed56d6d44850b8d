// Numbers at assumed sizes: each bound's polynomial (constant factors kept) evaluated with the
// user's assumptions, and documented defaults for the symbols they leave open.
import type { Bound } from "../algebra/bound";
import type { Finding } from "../model";
import type { SymbolKind } from "../symbols";

/** Defaults for symbols without an assumption; shown as defaults wherever they are used. */
export const DEFAULT_ASSUMPTIONS: Record<SymbolKind, number> = { count: 10, size: 200, output: 300, model: 1 };

export interface Estimate {
  readonly calls: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  /** Every symbol's value, and whether it was assumed by the user or is a default. */
  readonly at: { name: string; value: number; source: "assumed" | "default" }[];
}

function valueOf(b: Bound, values: Record<string, number>): number {
  return b.kind === "poly" ? b.poly.evaluate(values, 1) : NaN;
}

export function estimate(f: Finding, assume: Readonly<Record<string, number>>): Estimate {
  const values: Record<string, number> = {};
  const at: Estimate["at"] = [];
  for (const s of f.symbols) {
    if (s.kind === "model") continue;
    const given = assume[s.name] ?? assume[s.name.replace(/^\||\|$/g, "")];
    const value = given ?? DEFAULT_ASSUMPTIONS[s.kind];
    values[s.name] = value;
    at.push({ name: s.name, value, source: given === undefined ? "default" : "assumed" });
  }
  return { calls: valueOf(f.calls, values), inputTokens: valueOf(f.inputTokens, values), outputTokens: valueOf(f.outputTokens, values), at };
}
