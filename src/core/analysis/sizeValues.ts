// What a size is (a bound in tokens, its mean and its value at the i-th execution over a site's
// executions, how it grows, the growth facts it carries) and how sizes add up.
import { Poly } from "../algebra/poly";
import type { GrowthFact } from "../model";

/** How the context reaching a call grows across iterations, weakest first. */
export type Growth = "none" | "constant" | "output" | "rewrite" | "stateful" | "unknown";
const GROWTH_ORDER: readonly Growth[] = ["none", "constant", "output", "rewrite", "stateful", "unknown"];

export function strongerGrowth(a: Growth, b: Growth): Growth {
  return GROWTH_ORDER.indexOf(a) >= GROWTH_ORDER.indexOf(b) ? a : b;
}

export interface Size {
  readonly poly: Poly;
  /** False when only an upper bound is known. */
  readonly tight: boolean;
  readonly growth: Growth;
  /** The value contains a model's output. */
  readonly fromOutput: boolean;
  /** The value contains a model's rewrite of one of its own inputs. */
  readonly fromRewrite: boolean;
  readonly notes: readonly string[];
  /** The variables it holds that grow in loops (the notes say it in prose, for the derivation). */
  readonly facts?: readonly GrowthFact[];
  /**
   * A window still filling: the tokens that `mean` (a full window each time) counts too many over
   * the site's executions in its one loop, as the window fills (exact from `filledAfter` on);
   * `shortfall[n]` is that over the first n executions (n ≤ filledAfter; `excess` is the last).
   */
  readonly filling?: { readonly excess: Poly; readonly filledAfter: number; readonly shortfall: readonly Poly[] };
  /**
   * The mean of the size over the site's executions, where it differs from `poly` (the largest):
   * a history grown by g per iteration holds s + i·g at iteration i, so its mean over b iterations
   * is s + g·(b−1)/2. Valid only while `of` is this size's `poly`: a size rebuilt from another
   * (`{ ...s, poly }`) falls back to its bound, which is never below the mean.
   */
  /** `at`: the size at the i-th execution, in index symbols `i[N]` (i < N), for the derivation. */
  readonly exact?: { readonly of: Poly; readonly mean: Poly; readonly at: Poly };
}

/** The mean of a size over its site's executions (its bound when no mean was worked out). */
export function meanOf(s: Size): Poly {
  return s.exact && s.exact.of === s.poly ? s.exact.mean : s.poly;
}

/** The size at the i-th execution of its site (see Size.exact). */
export function sizeAtIteration(s: Size): Poly {
  return s.exact && s.exact.of === s.poly ? s.exact.at : s.poly;
}

/** The symbol of the index of an execution among N (`i[|questions|]`): it only appears in `at`. */
export function indexSymbol(n: string): string {
  return `i[${n}]`;
}

export function withMean(s: Omit<Size, "exact">, mean: Poly, at: Poly = mean): Size {
  return mean === s.poly && at === s.poly ? s : { ...s, exact: { of: s.poly, mean, at } };
}


export const ZERO: Size = { poly: Poly.zero, tight: true, growth: "none", fromOutput: false, fromRewrite: false, notes: [] };

export function constant(n: number): Size {
  return { ...ZERO, poly: Poly.constant(n) };
}

/** The growth facts of sizes (or bounds) put together, each variable and line once. */
export function factsOf(parts: readonly { readonly facts?: readonly GrowthFact[] }[]): { facts?: readonly GrowthFact[] } {
  const facts = new Map<string, GrowthFact>();
  for (const p of parts) for (const f of p.facts ?? []) facts.set(`${f.symbol}\u0000${f.line}`, f);
  return facts.size ? { facts: [...facts.values()] } : {};
}

/** Windows still filling among sizes put together: their excesses add up, exact once all are full. */
export function fillingOf(parts: readonly Size[]): { filling?: NonNullable<Size["filling"]> } {
  const filling = parts.flatMap((p) => (p.filling ? [p.filling] : []));
  if (filling.length === 0) return {};
  const filledAfter = Math.max(...filling.map((f) => f.filledAfter));
  // Each window's shortfall stays at its total once it has filled.
  const shortfall = Array.from({ length: filledAfter + 1 }, (_, n) => Poly.sum(filling.map((f) => f.shortfall[Math.min(n, f.filledAfter)]!)));
  return { filling: { excess: Poly.sum(filling.map((f) => f.excess)), filledAfter, shortfall } };
}

export function combine(parts: readonly Size[], poly?: Poly): Size {
  const sum = poly ?? Poly.sum(parts.map((p) => p.poly));
  const differs = !poly && parts.some((p) => meanOf(p) !== p.poly || sizeAtIteration(p) !== p.poly);
  const mean = differs ? Poly.sum(parts.map(meanOf)) : sum;
  const at = differs ? Poly.sum(parts.map(sizeAtIteration)) : sum;
  return withMean({
    poly: sum,
    tight: parts.every((p) => p.tight),
    growth: parts.reduce<Growth>((g, p) => strongerGrowth(g, p.growth), "none"),
    fromOutput: parts.some((p) => p.fromOutput),
    fromRewrite: parts.some((p) => p.fromRewrite),
    notes: parts.flatMap((p) => p.notes),
    ...factsOf(parts),
    ...fillingOf(parts),
  }, mean, at);
}
