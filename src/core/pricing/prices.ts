// Model prices from @pydantic/genai-prices' bundled data (never its remote update: analysis stays
// offline and reproducible), with user overrides. Prices are dollars per 1M tokens.
import { calcPrice, type ModelPrice, type TieredPrices } from "@pydantic/genai-prices";
import { ownValue } from "../nameTables";

/** The price snapshot every estimate is computed from: the bundled data of this package release. */
export const PRICE_DATA = { package: "@pydantic/genai-prices", version: "0.1.8", date: "2026-09-23" } as const;

export interface ModelPrices {
  readonly input: number;
  readonly output: number;
  readonly cachedInput?: number;
}

/** The user's own prices per model id, per 1M tokens; they win over the bundled data. */
export type PriceOverrides = Readonly<Record<string, ModelPrices>>;

export type PriceLookup =
  | { readonly found: true; readonly model: string; readonly provider: string | null; readonly prices: ModelPrices; readonly source: "override" | "catalog"; readonly note?: string }
  | { readonly found: false; readonly reason: string };

/** The genai-prices provider each SDK bills through; other SDKs are matched by model id. */
const PROVIDER_OF_SDK: Readonly<Record<string, string>> = {
  openai: "openai",
  "http:openai": "openai",
  "@anthropic-ai/sdk": "anthropic",
  "http:anthropic": "anthropic",
  "@google/genai": "google",
  "@google/generative-ai": "google",
  "http:gemini": "google",
  "@mistralai/mistralai": "mistral",
  "groq-sdk": "groq",
};

const LOCAL_SDKS = new Set(["ollama", "http:ollama"]);

export function providerOfSdk(sdk: string | undefined): string | undefined {
  return sdk ? ownValue(PROVIDER_OF_SDK, sdk) : undefined;
}

/** The prices of `model` (as written in the code) when called through `sdk`. */
export function lookupPrice(model: string | null, sdk?: string, overrides: PriceOverrides = {}): PriceLookup {
  if (!model) return { found: false, reason: "the model is not static, so its price is unknown" };
  const own = ownValue(overrides, model);
  if (own) return { found: true, model, provider: providerOfSdk(sdk) ?? null, prices: own, source: "override" };
  if (sdk && LOCAL_SDKS.has(sdk)) return { found: false, reason: `${model} runs locally through ${sdk}: no API price (add an override to price it)` };
  const key = `${sdk ?? ""}\u0000${model}`;
  let found = catalogPrices.get(key);
  if (!found) catalogPrices.set(key, (found = catalogPrice(model, sdk)));
  return found;
}

/**
 * Catalog answers by SDK and model: the bundled data never changes within a run, and a report asks
 * for each site's price once per projection point (calcPrice was 3.5% of a report's time).
 */
const catalogPrices = new Map<string, PriceLookup>();

/** `openai/gpt-4.1` (an AI SDK gateway id) or `openai:gpt-4o` (LangChain's): the provider and the model. */
const PROVIDER_PREFIX = /^([a-z][a-z0-9-]*)[/:]([^/:]+)$/;

function catalogPrice(model: string, sdk: string | undefined): PriceLookup {
  // The snapshot's own date, so that prices scheduled after it never change a result.
  const at = { timestamp: new Date(`${PRICE_DATA.date}T00:00:00Z`) };
  const prefixed = PROVIDER_PREFIX.exec(model);
  const r = calcPrice({ input_tokens: 0, output_tokens: 0 }, model, { providerId: providerOfSdk(sdk), ...at }) ?? (prefixed ? calcPrice({ input_tokens: 0, output_tokens: 0 }, prefixed[2]!, { providerId: prefixed[1]!, ...at }) : undefined);
  if (!r) return { found: false, reason: `no price for ${model} in ${PRICE_DATA.package} ${PRICE_DATA.version} (${PRICE_DATA.date}); add an override` };
  const input = baseOf(r.model_price, "input_mtok");
  const output = baseOf(r.model_price, "output_mtok");
  if (input === undefined || output === undefined) return { found: false, reason: `${r.model.id} has no per-token text price in ${PRICE_DATA.package} ${PRICE_DATA.version}` };
  const cachedInput = baseOf(r.model_price, "cache_read_mtok");
  const tiered = typeof r.model_price.input_mtok === "object";
  return {
    found: true,
    model: r.model.id,
    provider: r.provider.id,
    prices: cachedInput === undefined ? { input, output } : { input, output, cachedInput },
    source: "catalog",
    ...(tiered ? { note: "tiered by prompt length: the base tier is used" } : {}),
  };
}

/** A flat price, or the first tier of a tiered one. */
function baseOf(p: ModelPrice, key: string): number | undefined {
  const v = p[key];
  if (v === undefined) return undefined;
  return typeof v === "number" ? v : (v as TieredPrices).base;
}
