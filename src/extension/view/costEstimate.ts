// How a site's numbers at the assumed sizes read: the sizes used (the user's assumptions plainly,
// defaults marked as defaults), and dollars when priced, else input tokens.
import { type Estimate, formatDollars } from "../../core";
import { tokenCount } from "./numbers";

export interface PricedEstimate extends Estimate {
  /** USD for all the site's calls, when the model's price is known. */
  readonly usd?: number;
  /** Why there is no price. */
  readonly unpriced?: string;
}

/** `turns=20, |q|=300; code maxRounds=8; defaults out[gpt-4o]=300` */
export function assumedSizes(e: Estimate): string {
  const list = (source: Estimate["at"][number]["source"]): string =>
    e.at
      .filter((a) => a.source === source)
      .map((a) => `${a.name}=${a.value}`)
      .join(", ");
  const assumed = list("assumed");
  const code = list("code");
  const defaults = list("default");
  return [assumed, code && `code ${code}`, defaults && `defaults ${defaults}`].filter(Boolean).join("; ");
}

/** `≈ $0.42 at turns=20, |q|=300` or, without a price, `≈ 12.4k input tokens at …`; `≤` for an upper bound. */
export function estimateSummary(e: PricedEstimate): string {
  if (!Number.isFinite(e.inputTokens)) return "input size unknown";
  const amount = e.usd !== undefined ? formatDollars(e.usd) : `${tokenCount(e.inputTokens)} input tokens`;
  const at = assumedSizes(e);
  return `${e.exact ? "≈" : "≤"} ${amount}${at ? ` at ${at}` : ""}`;
}
