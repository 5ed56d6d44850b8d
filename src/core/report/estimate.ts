// Numbers at assumed sizes: each bound's polynomial (constant factors kept) evaluated with the
// user's assumptions, and documented defaults for the symbols they leave open.
import type { Bound } from "../algebra/bound";
import type { Finding } from "../model";
import { nameTable, ownValue } from "../nameTables";
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

/** A size's name without its bars: `|q|` and `q` name the same symbol in assumptions. */
export const bareName = (name: string): string => name.replace(/^\||\|$/g, "");

/** `base` with `over`'s values on top, each replacing `base`'s value for the same symbol however spelled (`|q|` or `q`). */
export function overlayAssumptions(base: Readonly<Record<string, number>>, over: Readonly<Record<string, number>>): Record<string, number> {
  const names = new Set(Object.keys(over).map(bareName));
  return nameTable([...Object.entries(base).filter(([k]) => !names.has(bareName(k))), ...Object.entries(over)]);
}

/** The value `assume` gives the symbol, under its own name or its bare one. */
export const assumedValue = (assume: Readonly<Record<string, number>>, name: string): number | undefined => ownValue(assume, name) ?? ownValue(assume, bareName(name));

function valueOf(b: Bound, values: Record<string, number>): number {
  return b.kind === "poly" ? b.poly.evaluate(values, 1) : NaN;
}

export function estimate(f: Finding, assume: Readonly<Record<string, number>>): Estimate {
  const values = nameTable<number>();
  const at: Estimate["at"] = [];
  for (const s of f.symbols) {
    if (s.kind === "model") continue;
    const given = assumedValue(assume, s.name);
    const value = given ?? DEFAULT_ASSUMPTIONS[s.kind];
    values[s.name] = value;
    at.push({ name: s.name, value, source: given === undefined ? "default" : "assumed" });
  }
  return { calls: valueOf(f.calls, values), inputTokens: valueOf(f.inputTokens, values), outputTokens: valueOf(f.outputTokens, values), at };
}
