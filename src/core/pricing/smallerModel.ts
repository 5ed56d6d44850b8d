// "A smaller model of the same provider": the paper's model size m (Def. 2.2) read off the price
// table, since list prices are the size signal the catalog has. Among the provider's cheaper chat
// models in a smaller tier, a tier of the same name wins (gpt-4o → gpt-4o-mini), then the closest
// name (claude-sonnet-4-5 → claude-haiku-4-5); ties go to the more capable (dearer) one.
import { findProvider, type ModelInfo, type ModelPrice } from "@pydantic/genai-prices";
import { lookupPrice, providerOfSdk, type ModelPrices } from "./prices";

/** Name parts that mark a provider's smaller tiers. */
const SMALL_TIER = /(?:^|[-.])(mini|nano|lite|flash|haiku|small|tiny|instant|8b)(?:$|[-.])/;
/** Variants that are not general chat models (audio, images, fine-tunes, tools). */
const NOT_CHAT = /audio|realtime|tts|transcribe|image|embed|search|moderation|research|computer-use|codex|preview|instruct|vision|guard|ocr|^ft:|:free|\.ft-/;
/** Below this price ratio a switch is not worth suggesting. */
const MIN_RATIO = 2;

export interface SmallerModel {
  readonly model: string;
  readonly provider: string;
  /** How many times cheaper it is (blended input + output price per 1M tokens). */
  readonly ratio: number;
}

function blendedPrice(p: ModelPrices): number {
  return p.input + p.output;
}

/** The closest cheaper model of a smaller tier from the same provider, at least MIN_RATIO times cheaper. */
export function smallerModel(model: string | null, sdk?: string): SmallerModel | null {
  const current = lookupPrice(model, sdk);
  if (!current.found || !current.provider) return null;
  const provider = findProvider({ providerId: providerOfSdk(sdk) ?? current.provider });
  if (!provider) return null;
  const name = model!.toLowerCase();
  const tiersOfCurrent = new Set(name.match(new RegExp(SMALL_TIER.source, "g")) ?? []);
  const price = blendedPrice(current.prices);
  const candidates = provider.models.flatMap((m) => {
    const p = flatPrice(m);
    if (!p || m.deprecated || NOT_CHAT.test(m.id)) return [];
    const tier = m.id.match(new RegExp(SMALL_TIER.source, "g")) ?? [];
    if (!tier.some((t) => !tiersOfCurrent.has(t))) return [];
    const ratio = price / p;
    return ratio >= MIN_RATIO ? [{ model: m.id, provider: provider.id, ratio, sameName: m.id.startsWith(`${name}-`), closeness: sharedEnds(name, m.id), price: p }] : [];
  });
  candidates.sort((a, b) => Number(b.sameName) - Number(a.sameName) || b.closeness - a.closeness || b.price - a.price || a.model.localeCompare(b.model));
  const best = candidates[0];
  return best ? { model: best.model, provider: best.provider, ratio: best.ratio } : null;
}

/** The blended price of a model with fixed (possibly tiered) prices, or undefined. */
function flatPrice(m: ModelInfo): number | undefined {
  const p: ModelPrice | undefined = Array.isArray(m.prices) ? m.prices[0]?.prices : m.prices;
  const base = (v: ModelPrice[string]): number | undefined => (v === undefined ? undefined : typeof v === "number" ? v : v.base);
  const input = p && base(p.input_mtok);
  const output = p && base(p.output_mtok);
  return input === undefined || output === undefined ? undefined : input + output;
}

/** Characters shared at the start and at the end: `claude-sonnet-4-5` and `claude-haiku-4-5` share `claude-` and `-4-5`. */
function sharedEnds(a: string, b: string): number {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return head + tail;
}
