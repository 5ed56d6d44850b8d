// Cost against scale: a site's bounds (constant factors kept) evaluated at sizes 10^k of one
// symbol with every other symbol at its assumed value, to show which site explodes first.
import type { Finding } from "../model";
import { dollarEstimate, type PriceOverrides } from "../pricing";
import { bareName, estimate } from "./estimate";
import { roundDollars } from "./roundDollars";

export const PROJECTION_SIZES: readonly number[] = [1, 10, 100, 1_000, 10_000];

export interface ProjectionPoint {
  readonly size: number;
  /** Null when the input bound is unknown. */
  readonly inputTokens: number | null;
  /** Null when the model's price is unknown. */
  readonly dollars: number | null;
}

export interface Projection {
  /** The symbol scaled; null when the site has none of it (its cost does not depend on scale). */
  readonly symbol: string | null;
  readonly points: ProjectionPoint[];
}

/**
 * The symbol to scale a site along: `scale` when the site has it (`turns`, `|q|` or `q`), otherwise,
 * with no `scale` given, the loop count of highest degree in its input.
 */
export function scaleSymbolOf(f: Finding, scale?: string): string | null {
  if (scale !== undefined) return f.symbols.find((s) => s.name === scale || bareName(s.name) === bareName(scale))?.name ?? null;
  if (f.inputTokens.kind !== "poly") return null;
  let best: { name: string; degree: number } | null = null;
  for (const s of f.symbols) {
    if (s.kind !== "count") continue;
    const degree = Math.max(0, ...f.inputTokens.poly.dominant().map((m) => m.factors[s.name] ?? 0));
    if (degree > 0 && (!best || degree > best.degree)) best = { name: s.name, degree };
  }
  return best?.name ?? null;
}

export function projection(f: Finding, assume: Readonly<Record<string, number>>, prices: PriceOverrides | undefined, scale?: string): Projection {
  const symbol = scaleSymbolOf(f, scale);
  const points = PROJECTION_SIZES.map((size) => {
    const at = symbol ? { ...assume, [symbol]: size } : assume;
    const d = dollarEstimate(f, at, prices);
    const tokens = estimate(f, at).inputTokens;
    return { size, inputTokens: Number.isFinite(tokens) ? tokens : null, dollars: roundDollars(d.dollars) };
  });
  return { symbol, points };
}
