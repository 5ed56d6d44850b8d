// The editor surfaces' logic on plain Node: what the lens, hover, diagnostics and status bar show
// for the examples, through the same engine-side module the extension loads.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { analyzeDocument, derivationMarkdown, lensTitle, lensTooltip, siteEstimate, siteRefs, statusText, summarize } from "../../../src/extension/view/engine";
import { DEFAULT_ASSUMPTIONS } from "../../../src/core/report/estimate";
import { LENS_MAX_CHARS } from "../../../src/extension/view/lensTitle";
import { tokenCount } from "../../../src/extension/view/numbers";
import { DEFAULT_SETTINGS, type AalpSettings } from "../../../src/extension/view/settingsModel";

const EXAMPLES = path.resolve(__dirname, "../../../../examples");

function lenses(file: string, settings: AalpSettings = DEFAULT_SETTINGS, text = fs.readFileSync(path.join(EXAMPLES, file), "utf8")): string[] {
  const a = analyzeDocument(path.join(EXAMPLES, file), text, settings);
  return a.findings.map((f) => `${f.line}: ${lensTitle(f, siteEstimate(a, f, settings))}`);
}

describe("extension surfaces (plain Node)", () => {
  it("lens titles: the estimate first, then how it grows and in what, then the model", () => {
    assert.deepEqual(lenses("debug-naive.ts"), ["21: ≈ $0.0043 · quadratic in rounds · gpt-4o-mini", "29: ≈ $0.076 · quadratic in rounds · gpt-4o"]);
    // A local model has no API price: the lens counts tokens instead.
    assert.deepEqual(lenses("per-item.ts"), ["12: ≈ 2.2k tokens · linear in |tickets| · llama3.1:8b"]);
    // A loop only data ends names no count: the lens says where the loop is.
    assert.deepEqual(lenses("evolution-global.ts"), ["15: ≤ $0.031 · unbounded loop at line 14 · gpt-4o"]);
    assert.deepEqual(lenses("routing-specialists.ts"), ["18: ≈ $0.00042 · constant · claude-sonnet-4-5", "28: ≈ 306 tokens · constant · model not static"]);
  });

  it("lens titles: at most 60 characters, a long symbol clipped, never the model", () => {
    assert.deepEqual(lenses("class-history.ts"), ["15: ≤ $0.02 · linear in calls[PlanningAssis… · claude-sonnet-4-5", "32: ≤ $0.12 · quadratic in |steps| · claude-sonnet-4-5"]);
    const all = fs.readdirSync(EXAMPLES).filter((f) => /\.[jt]s$/.test(f)).flatMap((f) => lenses(f));
    assert.equal(all.length, 29);
    assert.deepEqual(all.filter((t) => t.replace(/^\d+: /, "").length > LENS_MAX_CHARS), []);
  });

  it("lens tooltips: the bounds and the sizes the number is at", () => {
    const file = path.join(EXAMPLES, "debug-naive.ts");
    const a = analyzeDocument(file, fs.readFileSync(file, "utf8"), DEFAULT_SETTINGS);
    assert.equal(lensTooltip(a.findings[1]!, siteEstimate(a, a.findings[1]!, DEFAULT_SETTINGS)), "Θ(rounds²·|program|) input · Θ(rounds) calls · ≈ $0.076 at defaults rounds=10, |program|=200. Click for the derivation.");
  });

  it("lens titles: assumptions from settings, overridden by @aalp comments, priced from settings", () => {
    const settings: AalpSettings = { ...DEFAULT_SETTINGS, assumptions: { "|question|": 50, questions: 4 }, prices: { "gpt-4.1": { input: 2, output: 8 } } };
    const text = fs.readFileSync(path.join(EXAMPLES, "chat-history.ts"), "utf8") + "// @aalp questions=20\n";
    assert.deepEqual(lenses("chat-history.ts", settings, text), ["16: ≈ $0.18 · quadratic in |questions| · gpt-4.1"]);
  });

  it("lens titles and tooltips: the user's defaults for the sizes nothing sets, listed as defaults; the same dollars as the values assumed", () => {
    const defaults: AalpSettings = { ...DEFAULT_SETTINGS, defaults: { count: 20, size: 500, output: 300 } };
    const file = path.join(EXAMPLES, "debug-naive.ts");
    const a = analyzeDocument(file, fs.readFileSync(file, "utf8"), defaults);
    assert.deepEqual(
      a.findings.map((f) => lensTooltip(f, siteEstimate(a, f, defaults))),
      [
        "Θ(rounds²·|program|) input · Θ(rounds) calls · ≈ $0.024 at defaults rounds=20, |program|=500. Click for the derivation.",
        "Θ(rounds²·|program|) input · Θ(rounds) calls · ≈ $0.47 at defaults rounds=20, |program|=500. Click for the derivation.",
      ],
    );
    const assumed: AalpSettings = { ...DEFAULT_SETTINGS, assumptions: { rounds: 20, "|program|": 500 } };
    assert.deepEqual(lenses("debug-naive.ts", assumed), lenses("debug-naive.ts", defaults));
    assert.deepEqual(lenses("debug-naive.ts", defaults), ["21: ≈ $0.024 · quadratic in rounds · gpt-4o-mini", "29: ≈ $0.47 · quadratic in rounds · gpt-4o"]);
  });

  it("the settings' built-in defaults are the core's", () => {
    assert.deepEqual(DEFAULT_SETTINGS.defaults, { count: DEFAULT_ASSUMPTIONS.count, size: DEFAULT_ASSUMPTIONS.size, output: DEFAULT_ASSUMPTIONS.output });
  });

  it("hover: derivation with line links, symbols and the paper's cost term", () => {
    const file = path.join(EXAMPLES, "debug-naive.ts");
    const a = analyzeDocument(file, fs.readFileSync(file, "utf8"), DEFAULT_SETTINGS);
    const f = a.findings[1]!;
    const md = derivationMarkdown(f, siteEstimate(a, f, DEFAULT_SETTINGS), "file:///ws/debug-naive.ts");
    const link = (line: number): string => `[line ${line}](command:aalp.revealLine?${encodeURIComponent(JSON.stringify(["file:///ws/debug-naive.ts", line]))})`;
    assert.ok(md.startsWith("**AALP Lens** · openai `chat.completions.create` · model `gpt-4o` · in `debugProgram` · quadratic\n"), md);
    // Σ_{i<10} (227 + 200 + i·406) = 10·427 + 406·45: the sum, not 10 calls at the last one's size.
    assert.ok(md.includes("- input tokens: `Θ(rounds²·|program|)`, per call `Θ(rounds·|program|)` ≈ 22.5k"), md);
    assert.ok(md.includes("7. input summed over the iterations: Σ\\_\\{i\\<rounds\\} (\\|program\\| + 227 + i·(\\|program\\| + 206)) = 1/2·rounds²·\\|program\\| + 103·rounds² + 1/2·rounds·\\|program\\| + 124·rounds"), md);
    assert.ok(md.includes(`1. ${link(18)}: for loop while round \\< rounds → rounds iterations`), md);
    assert.ok(md.includes(`2. conversation grows at ${link(19)} on every iteration of rounds (for at ${link(18)})`), md);
    assert.ok(md.includes(`${link(29)} rewrites program whole`), md);
    assert.ok(md.includes("- `|program|` (size), " + link(15) + ": the size of the parameter program"), md);
    assert.ok(md.includes("costs m·(o·n + o²)") && md.includes("Summed over this site's calls: `Θ(rounds²·|program|²·m[gpt-4o])`."), md);
    // A symbol from another file's summary names that file's line, unlinked.
    const imported = { ...f, symbols: [{ name: "|q|", kind: "size" as const, line: 7, origin: "the size of q", file: "/ws/llm.ts" }] };
    assert.ok(derivationMarkdown(imported, siteEstimate(a, f, DEFAULT_SETTINGS), "file:///ws/debug-naive.ts").includes("- `|q|` (size), llm.ts:7: the size of q"));
  });

  it("status bar: the worst class and its sites across files", () => {
    const refs = ["debug-naive.ts", "evolution-global.ts", "fan-out.ts"].map((file) => {
      const full = path.join(EXAMPLES, file);
      return siteRefs(analyzeDocument(full, fs.readFileSync(full, "utf8"), DEFAULT_SETTINGS), file);
    });
    const s = summarize(refs);
    assert.equal(s.worst, "unbounded");
    assert.equal(s.total, 4);
    assert.deepEqual(s.sites.map((x) => `${x.file}:${x.line} ${x.label}`), ["evolution-global.ts:15 gpt-4o in evolve"]);
    assert.equal(statusText(s), "AALP: unbounded ×1");
    assert.equal(statusText(summarize([])), "AALP: no LLM calls");
  });

  it("token counts stay short", () => {
    assert.deepEqual([0, 999, 12_400, 1_250_000, 3e9].map(tokenCount), ["0", "999", "12.4k", "1.3M", "3G"]);
  });
});
