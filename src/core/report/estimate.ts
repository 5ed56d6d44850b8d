// Numbers at assumed sizes: each bound's polynomial (constant factors kept) evaluated with the
// user's assumptions, and documented defaults for the symbols they leave open.
import type { Bound } from "../algebra/bound";
import type { Poly } from "../algebra/poly";
import type { Counts, Finding } from "../model";
import { nameTable, ownValue } from "../nameTables";
import { halvingLeaves, type SymbolKind } from "../symbols";

/** Defaults for symbols without an assumption; shown as defaults wherever they are used. */
export const DEFAULT_ASSUMPTIONS: Record<SymbolKind, number> = { count: 10, size: 200, output: 300, model: 1 };

export interface Estimate {
  readonly calls: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  /**
   * The generation cost, Σ over the requests of m·(out·in + out(out−1)/2) (paper, eq. 5): in units
   * of the model's size m unless an assumption gives it (`m[gpt-4o]=8`).
   */
  readonly generationCost: number;
  /** True when the calls and input are Θ bounds: the numbers are what a run at these sizes counts
   *  ("≈"); false for an upper bound ("≤": a run may stop early, or a condition skip the call). */
  readonly exact: boolean;
  /** Every symbol's value, and whether it was assumed by the user, stated in the code (or by the SDK), or is a default. */
  readonly at: { name: string; value: number; source: "assumed" | "code" | "default" }[];
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
    if (s.kind === "model") {
      // A model's size is a unit unless assumed: generation is then counted in units of m.
      const given = assumedValue(assume, s.name);
      if (given !== undefined) {
        values[s.name] = given;
        at.push({ name: s.name, value: given, source: "assumed" });
      }
      continue;
    }
    if (s.leavesOf) continue;
    const given = assumedValue(assume, s.name);
    const value = given ?? s.value ?? DEFAULT_ASSUMPTIONS[s.kind];
    values[s.name] = value;
    at.push({ name: s.name, value, source: given !== undefined ? "assumed" : s.value !== undefined && !s.defaultOnly ? "code" : "default" });
  }
  // Counts that follow from others (a recursion's leaves from its input's size) come after them.
  for (const s of f.symbols) {
    if (!s.leavesOf) continue;
    const given = assumedValue(assume, s.name);
    const value = given ?? halvingLeaves(values[s.leavesOf.from] ?? assumedValue(assume, s.leavesOf.from) ?? DEFAULT_ASSUMPTIONS.size, s.leavesOf.characters);
    values[s.name] = value;
    at.push({ name: s.name, value, source: given !== undefined ? "assumed" : "code" });
  }
  // The exact counts where the analysis worked them out; else the bounds' polynomials (never below).
  const count = (b: Bound, exact: Poly | undefined): number => (b.kind === "poly" && exact ? Math.max(0, exact.evaluate(values, 1)) : valueOf(b, values));
  // A window still filling when the loop stops: its first iterations, counted one by one.
  const short = fillingShort(f.counts?.filling, values);
  return {
    calls: count(f.calls, f.counts?.calls),
    inputTokens: count(f.inputTokens, f.counts?.input) + short.input,
    outputTokens: count(f.outputTokens, f.counts?.output),
    generationCost: count(f.generationCost, f.counts?.generation) + short.generation,
    exact: isExact(f),
    at,
  };
}

/** What the counts (exact from the window's steady iteration on) leave out when the loop stops before it. */
function fillingShort(filling: Counts["filling"], values: Readonly<Record<string, number>>): { input: number; generation: number } {
  if (!filling) return { input: 0, generation: 0 };
  const n = Math.round(filling.trip.evaluate(values, 1));
  const last = filling.shortfall.length - 1;
  if (!(n >= 0 && n < last)) return { input: 0, generation: 0 };
  const input = filling.shortfall[last]!.evaluate(values, 1) - filling.shortfall[n]!.evaluate(values, 1);
  return { input, generation: input * filling.perInputToken.evaluate(values, 1) };
}

/** Whether an estimate is a count (Θ calls and input) rather than an upper bound. */
export function isExact(f: Pick<Finding, "calls" | "inputTokens">): boolean {
  return f.calls.kind === "poly" && f.calls.tight && f.inputTokens.kind === "poly" && f.inputTokens.tight;
}
