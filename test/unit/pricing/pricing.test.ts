// Prices from the bundled genai-prices snapshot, overrides, dollar estimates, smaller models.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { analyzeFile, formatBound } from "../../../src/core";
import { dollarEstimate, lookupPrice, PRICE_DATA, smallerModel } from "../../../src/core/pricing";
import { analyze } from "../analyze";

const LOOP = `import OpenAI from "openai";
const ai = new OpenAI();
export async function f(qs: string[]) {
  for (const q of qs) await ai.chat.completions.create({ model: "gpt-4o", max_tokens: 100, messages: [{ role: "user", content: q }] });
}
`;

describe("pricing", () => {
  it("records the snapshot it prices from: the installed package's version", () => {
    const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../../../node_modules/@pydantic/genai-prices/package.json"), "utf8")) as { version: string };
    assert.equal(PRICE_DATA.version, pkg.version);
    assert.equal(PRICE_DATA.date, "2026-09-23");
  });

  it("looks up a known model's per-1M prices, by SDK provider", () => {
    assert.deepEqual(lookupPrice("gpt-4o", "openai"), { found: true, model: "gpt-4o", provider: "openai", prices: { input: 2.5, output: 10, cachedInput: 1.25 }, source: "catalog" });
    const sonnet = lookupPrice("claude-sonnet-4-5", "@anthropic-ai/sdk");
    assert.ok(sonnet.found);
    assert.deepEqual([sonnet.prices, sonnet.note], [{ input: 3, output: 15, cachedInput: 0.3 }, "tiered by prompt length: the base tier is used"]);
  });

  it("exact dollars at fixed assumptions: 10 questions of 200 tokens, 100 output tokens each", () => {
    const [f] = analyze(LOOP);
    const d = dollarEstimate(f!, { qs: 10, q: 200 });
    assert.ok(d.dollars !== null);
    // Input 10 × 200 = 2,000 tokens at $2.50/1M (a message's role is framing, not prompt text); output 10 × 100 at $10/1M.
    assert.deepEqual([d.tokens.inputTokens, d.tokens.outputTokens], [2000, 1000]);
    assert.equal(d.dollars, (2000 * 2.5 + 1000 * 10) / 1e6);
    assert.deepEqual(d.tokens.at, [
      { name: "|qs|", value: 10, source: "assumed" },
      { name: "|q|", value: 200, source: "assumed" },
    ]);
    assert.deepEqual(d.cachedInputShare, { value: 0, source: "default" });
    assert.equal(d.prices.source, "catalog");
  });

  it("asks the bundled catalog once per SDK and model (a report asks once per projection point)", () => {
    const first = lookupPrice("gpt-4.1", "openai");
    assert.equal(lookupPrice("gpt-4.1", "openai"), first);
    assert.notEqual(lookupPrice("gpt-4.1", undefined), first);
    // An override is the user's, never the memo's.
    assert.deepEqual(lookupPrice("gpt-4.1", "openai", { "gpt-4.1": { input: 1, output: 2 } }), { found: true, model: "gpt-4.1", provider: "openai", prices: { input: 1, output: 2 }, source: "override" });
    assert.equal(lookupPrice("gpt-4.1", "openai"), first);
  });

  it("defaults fill the symbols left open, and are marked", () => {
    const d = dollarEstimate(analyze(LOOP)[0]!, {});
    assert.ok(d.dollars !== null);
    assert.deepEqual(d.tokens.at.map((a) => a.source), ["default", "default"]);
    assert.equal(d.dollars, (10 * 200 * 2.5 + 1000 * 10) / 1e6);
  });

  it("overrides win over the catalog; a cached-input share uses the cached price", () => {
    const f = analyze(LOOP)[0]!;
    const own = dollarEstimate(f, { qs: 10, q: 200 }, { "gpt-4o": { input: 1, output: 2, cachedInput: 0.5 } }, { cachedInputShare: 0.5 });
    assert.ok(own.dollars !== null);
    assert.equal(own.prices.source, "override");
    assert.deepEqual(own.cachedInputShare, { value: 0.5, source: "assumed" });
    assert.equal(own.dollars, (2000 * (0.5 * 1 + 0.5 * 0.5) + 1000 * 2) / 1e6);
  });

  it("a model named with its provider (AI SDK gateway `openai/gpt-4.1`, LangChain `openai:gpt-4o`) is priced as that provider's model", () => {
    assert.deepEqual(lookupPrice("openai/gpt-4.1", "ai"), { ...lookupPrice("gpt-4.1", "openai"), found: true });
    assert.deepEqual(lookupPrice("openai:gpt-4o", "@langchain"), lookupPrice("gpt-4o", "openai"));
    const claude = lookupPrice("anthropic/claude-sonnet-4-5", "ai");
    assert.equal(claude.found && claude.prices.input, 3);
    assert.equal(lookupPrice("nobody/gpt-4o-but-not", "ai").found, false);
  });

  it("unknown, local and non-static models give null with the reason", () => {
    const unknown = LOOP.replace('"gpt-4o"', '"my-finetune-7"');
    assert.deepEqual(dollarEstimate(analyze(unknown)[0]!, {}), { dollars: null, reason: "no price for my-finetune-7 in @pydantic/genai-prices 0.1.8 (2026-09-23); add an override" });
    assert.deepEqual(lookupPrice("llama3.1:8b", "ollama"), { found: false, reason: "llama3.1:8b runs locally through ollama: no API price (add an override to price it)" });
    assert.deepEqual(lookupPrice(null, "openai"), { found: false, reason: "the model is not static, so its price is unknown" });
  });

  it("a smaller model of the same provider, by price", () => {
    assert.deepEqual(smallerModel("gpt-4o", "openai"), { model: "gpt-4o-mini", provider: "openai", ratio: 12.5 / 0.75 });
    assert.equal(smallerModel("gpt-4.1", "ai")?.model, "gpt-4.1-mini");
    assert.equal(smallerModel("claude-sonnet-4-5", "@anthropic-ai/sdk")?.model, "claude-haiku-4-5");
    assert.equal(smallerModel("claude-opus-4-1", "@anthropic-ai/sdk")?.model, "claude-haiku-4-5");
    assert.equal(smallerModel("gemini-2.5-pro", "@google/genai")?.model, "gemini-2.5-flash");
    assert.equal(smallerModel("gpt-4o-mini", "openai"), null, "already the small tier");
    assert.equal(smallerModel("llama3.1:8b", "ollama"), null);
  });
});

describe("prompt caching", () => {
  it("cache_control keeps the bound and prices the re-sent history at the cached-input price", () => {
    const code = (cache: string) => `import Anthropic from "@anthropic-ai/sdk";
const client = new Anthropic();
export async function chat(questions: string[]) {
  const messages: Anthropic.MessageParam[] = [];
  for (const q of questions) {
    messages.push({ role: "user", content: [{ type: "text", text: q${cache} }] });
    await client.messages.create({ model: "claude-sonnet-4-5", max_tokens: 100, messages });
  }
}
`;
    const [plain] = analyzeFile(ts, "a.ts", code("")).findings;
    const [cached] = analyzeFile(ts, "a.ts", code(`, cache_control: { type: "ephemeral" }`)).findings;
    assert.equal(formatBound(cached!.inputTokens, cached!.rank), formatBound(plain!.inputTokens, plain!.rank));
    assert.equal(cached!.promptCaching, "explicit");
    const at = { "|questions|": 20, "|q|": 200 };
    const a = dollarEstimate(plain!, at);
    const b = dollarEstimate(cached!, at);
    assert.ok(a.dollars !== null && b.dollars !== null);
    // 20 turns: the i-th call sends the i turns before it and its own, Σ (i + 1) = 210 turns in
    // all, of which 20 are new: 1 − 20/210 of the input is the re-sent prefix.
    assert.equal(b.cachedInputShare.source, "re-sent prefix");
    assert.ok(Math.abs(b.cachedInputShare.value - (1 - 20 / 210)) < 0.002, String(b.cachedInputShare.value));
    assert.ok(b.dollars < a.dollars);
  });
});
