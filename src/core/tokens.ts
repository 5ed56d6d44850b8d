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

/**
 * Characters per token where the code measures text in characters (`text.length <= 2000`,
 * `s.slice(0, 800)`): o200k's average on English prose. The one ratio the engine converts with,
 * so a recursion's leaves, a chunk and a character slice agree; text of longer tokens (code,
 * other languages) makes more pieces than it says.
 */
export const CHARACTERS_PER_TOKEN = 4;

/** The tokens in at most `characters` characters of text (at least one). */
export function tokensInCharacters(characters: number): number {
  return Math.max(1, Math.ceil(characters / CHARACTERS_PER_TOKEN));
}
