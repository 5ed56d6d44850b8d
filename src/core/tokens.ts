// Token counts of string literals, with a real BPE tokenizer (o200k, the GPT-4o family's), for the
// constant factors of sizes. Loaded on first use: most files never need it.

type CountTokens = (text: string) => number;
let counter: CountTokens | undefined;

const counted = new Map<string, number>();

export function countTokens(text: string): number {
  if (text.length === 0) return 0;
  const known = counted.get(text);
  if (known !== undefined) return known;
  counter ??= (require("gpt-tokenizer/encoding/o200k_base") as { countTokens: CountTokens }).countTokens;
  const n = counter(text);
  // Prompt literals repeat across a codebase; the cache stays small (literals only, bounded).
  if (counted.size < 50_000) counted.set(text, n);
  return n;
}
