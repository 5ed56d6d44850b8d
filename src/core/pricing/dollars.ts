// Dollars for one call site at assumed sizes: the engine's token estimate (report/estimate.ts)
// times the model's prices, with every price and assumption used listed, defaults marked.
import type { Finding } from "../model";
import { estimate, type Estimate } from "../report/estimate";
import { lookupPrice, PRICE_DATA, type ModelPrices, type PriceOverrides } from "./prices";

export interface DollarOptions {
  /** Share of the input billed at the cached-input price (a re-sent prefix); default 0. */
  readonly cachedInputShare?: number;
}

export type DollarEstimate =
  | {
      readonly dollars: number;
      readonly inputDollars: number;
      readonly outputDollars: number;
      readonly tokens: Estimate;
      readonly prices: ModelPrices & { readonly model: string; readonly provider: string | null; readonly source: "override" | "catalog"; readonly note?: string };
      readonly cachedInputShare: { readonly value: number; readonly source: "assumed" | "default" | "re-sent prefix" };
      readonly priceData: typeof PRICE_DATA;
    }
  | { readonly dollars: null; readonly reason: string };

export function dollarEstimate(f: Finding, assumptions: Readonly<Record<string, number>>, overrides?: PriceOverrides, options: DollarOptions = {}): DollarEstimate {
  const price = lookupPrice(f.model, f.sdk, overrides);
  if (!price.found) return { dollars: null, reason: price.reason };
  const tokens = estimate(f, assumptions);
  if (!Number.isFinite(tokens.inputTokens) || !Number.isFinite(tokens.outputTokens)) return { dollars: null, reason: "the token bounds are unknown" };
  const share = options.cachedInputShare ?? (f.promptCaching ? repeatedShare(f, assumptions) : undefined);
  const cached = share === undefined || price.prices.cachedInput === undefined ? 0 : share;
  const perToken = (perMillion: number): number => perMillion / 1_000_000;
  const inputDollars = tokens.inputTokens * ((1 - cached) * perToken(price.prices.input) + cached * perToken(price.prices.cachedInput ?? price.prices.input));
  const outputDollars = tokens.outputTokens * perToken(price.prices.output);
  return {
    dollars: inputDollars + outputDollars,
    inputDollars,
    outputDollars,
    tokens,
    prices: { ...price.prices, model: price.model, provider: price.provider, source: price.source, ...(price.note ? { note: price.note } : {}) },
    cachedInputShare: { value: cached, source: options.cachedInputShare !== undefined ? "assumed" : f.promptCaching ? "re-sent prefix" : "default" },
    priceData: PRICE_DATA,
  };
}

/**
 * With prompt caching, what each call re-sends of earlier calls is read from the cache: the share
 * of the input beyond what the calls would send if nothing had accumulated (every loop at 1).
 */
function repeatedShare(f: Finding, assumptions: Readonly<Record<string, number>>): number {
  const total = estimate(f, assumptions);
  if (!(total.inputTokens > 0)) return 0;
  const counts = Object.fromEntries(f.symbols.filter((s) => s.kind === "count").map((s) => [s.name, 1]));
  const fresh = estimate(f, { ...assumptions, ...counts }).inputTokens * total.calls;
  return Math.min(1, Math.max(0, 1 - fresh / total.inputTokens));
}

/** `$0.0035`, `$12.40`: two significant digits below a dollar, cents above. */
export function formatDollars(d: number): string {
  return d >= 1 ? `$${d.toFixed(2)}` : `$${Number(d.toPrecision(2))}`;
}
