// The bundles' tokenizer (dist/o200k.js and the plugin package's copy, scripts/build.mjs) loads
// gpt-tokenizer's o200k ranks from JSON instead of the package's array literal: its counts must be
// the package's own, string for string.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { rng } from "../fuzz/generators";

const ROOT = path.resolve(__dirname, "../../..");

type Count = (text: string) => number;
const packageCount = (require("gpt-tokenizer/encoding/o200k_base") as { countTokens: Count }).countTokens;

/** Prose and code from this repository, and strings of code points from every plane (lone surrogates, emoji, CJK, controls). */
function samples(): string[] {
  const out: string[] = ["", " ", "\n\n\n", "hello world", "  indented\tcode();", "<|endoftext|> in a prompt", "1234567890 3.14159 1e-9"];
  const docs = ["README.md", "docs/performance.md", "src/core/tokens.ts", "examples/chat-history.ts"].map((f) => path.join(ROOT, f))
  for (const f of docs) {
    const lines = fs.readFileSync(f, "utf8").split("\n").filter((l) => l.trim());
    for (let i = 0; i < lines.length && i < 400; i += 4) out.push(lines.slice(i, i + 4).join("\n"));
  }
  const next = rng(18);
  const ranges: [number, number][] = [[0, 0x7f], [0x80, 0x7ff], [0x3040, 0x30ff], [0x4e00, 0x9fff], [0xac00, 0xd7a3], [0xd800, 0xdfff], [0x1f300, 0x1faff], [0x0600, 0x06ff], [0x0400, 0x04ff], [0, 0x10ffff]];
  for (let i = 0; i < 300; i++) {
    const [lo, hi] = ranges[i % ranges.length]!;
    let s = "";
    const length = 1 + Math.floor(next() * 40);
    for (let j = 0; j < length; j++) s += String.fromCodePoint(lo + Math.floor(next() * (hi - lo + 1)));
    out.push(s);
  }
  return out;
}

function outcome(count: Count, text: string): number | string {
  try {
    return count(text);
  } catch (err) {
    return `throws ${err instanceof Error ? err.message : String(err)}`;
  }
}

describe("the bundles' o200k ranks", () => {
  const texts = samples();
  for (const file of ["dist/o200k.js", "node_modules/aalp-lens-tsserver-plugin/o200k.js"]) {
    it(`${file} counts as gpt-tokenizer's own o200k_base (${texts.length} strings)`, () => {
      const bundled = (require(path.join(ROOT, file)) as { countTokens: Count }).countTokens;
      assert.ok(texts.length >= 300);
      let tokens = 0;
      for (const text of texts) {
        const expected = outcome(packageCount, text);
        assert.equal(outcome(bundled, text), expected, JSON.stringify(text));
        if (typeof expected === "number") tokens += expected;
      }
      // The strings exercise the table: thousands of tokens, not a few.
      assert.ok(tokens > 5000, `${tokens} tokens`);
    });
  }
});
