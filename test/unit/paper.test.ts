// The paper's three examples (§3.1–3.3) as real code in examples/, with the paper's bounds.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { analyze, summary, type Expected } from "./analyze";

const EXAMPLES = path.resolve(__dirname, "../../../examples");

function sites(file: string): Required<Expected>[] {
  return analyze(fs.readFileSync(path.join(EXAMPLES, file), "utf8"), file).map(summary);
}

function pick(all: Required<Expected>[], keys: (keyof Expected)[]): Partial<Expected>[] {
  return all.map((s) => Object.fromEntries(keys.map((k) => [k, s[k]])));
}

describe("the paper's examples", () => {
  it("§3.1 k-task routing: generalist Θ(n); delegator Θ(1) input, specialist Θ(n)", () => {
    assert.deepEqual(pick(sites("routing-generalist.ts"), ["calls", "input", "output", "generation"]), [
      { calls: "Θ(1)", input: "Θ(|request|)", output: "Θ(1)", generation: "Θ(|request|·m[claude-opus-4-1])" },
    ]);
    assert.deepEqual(pick(sites("routing-specialists.ts"), ["calls", "input", "output", "generation"]), [
      { calls: "Θ(1)", input: "Θ(1)", output: "Θ(1)", generation: "Θ(m[claude-sonnet-4-5])" },
      { calls: "Θ(1)", input: "Θ(|request|)", output: "Θ(1)", generation: "Θ(|request|·m)" },
    ]);
  });

  it("§3.2.1 naive QA/developer with a shared history: QA input Θ(b²·n), developer generation Θ(b²·n²)", () => {
    assert.deepEqual(pick(sites("debug-naive.ts"), ["model", "calls", "input", "output", "generation", "growth"]), [
      { model: "gpt-4o-mini", calls: "Θ(rounds)", input: "Θ(rounds²·|program|)", output: "Θ(rounds)", generation: "Θ(rounds²·|program|·m[gpt-4o-mini])", growth: "rewrite" },
      { model: "gpt-4o", calls: "Θ(rounds)", input: "Θ(rounds²·|program|)", output: "Θ(rounds·|program|)", generation: "Θ(rounds²·|program|²·m[gpt-4o])", growth: "rewrite" },
    ]);
  });

  it("§3.2.2 focused, one function per call: QA Θ(k·l), developer O(k·l²) generation (b ≤ k rewrites)", () => {
    assert.deepEqual(pick(sites("debug-focused.ts"), ["calls", "input", "output", "generation", "growth"]), [
      { calls: "Θ(|functions|)", input: "Θ(|functions|·|fn|)", output: "Θ(|functions|)", generation: "Θ(|functions|·|fn|·m[gpt-4o-mini])", growth: "none" },
      { calls: "O(|functions|)", input: "O(|functions|·|fn|)", output: "O(|functions|·|fn|)", generation: "O(|functions|·|fn|²·m[gpt-4o])", growth: "none" },
    ]);
  });

  it("§3.3 global mutation: a data-dependent loop over Θ(n)-token calls; local mutation: Θ(l) per call", () => {
    const global = sites("evolution-global.ts");
    assert.deepEqual(pick(global, ["calls", "input", "generation", "loops"]), [
      { calls: "O(T[evolve])", input: "O(T[evolve]·|x|)", generation: "O(T[evolve]·|x|²·m[gpt-4o])", loops: "while@14:T[evolve]!" },
    ]);
    const local = analyze(fs.readFileSync(path.join(EXAMPLES, "evolution-local.ts"), "utf8"));
    assert.deepEqual(pick(local.map(summary), ["calls", "input", "generation"]), [
      { calls: "O(|blocks|)", input: "O(|blocks|·|block|)", generation: "O(|blocks|·|block|²·m[gpt-4o])" },
    ]);
    assert.equal(local[0]!.inputPerCall.kind === "poly" && local[0]!.inputPerCall.poly.symbols().join(","), "|block|");
  });
});
