// Token counts of string literals, with a real BPE tokenizer (o200k, the GPT-4o family's), for the
// constant factors of sizes. Loaded on first use: most files never need it.

type CountTokens = (text: string) => number;
let counter: CountTokens | undefined;

export function countTokens(text: string): number {
  if (text.length === 0) return 0;
  counter ??= (require("gpt-tokenizer/encoding/o200k_base") as { countTokens: CountTokens }).countTokens;
  return counter(text);
}
