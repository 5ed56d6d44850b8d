// Diagnostics on the examples: exact codes, positions and messages.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { analyzeFile } from "../../../src/core";
import { adviseFindings, DEFAULT_ADVICE_SETTINGS, type AdviceSettings } from "../../../src/core/advice";
import { adviceFor, fixture } from "./harness";

const EXAMPLES = path.resolve(__dirname, "../../../../examples");

function adviceOnExample(name: string, settings: AdviceSettings = DEFAULT_ADVICE_SETTINGS): string[] {
  const text = fs.readFileSync(path.join(EXAMPLES, name), "utf8");
  const r = analyzeFile(ts, name, text);
  return adviseFindings(r.findings, settings, { ts, fileName: name, text }).map((a) => {
    const { line, character } = ts.createSourceFile(name, text, ts.ScriptTarget.Latest).getLineAndCharacterOfPosition(a.start);
    assert.equal(text.slice(a.start, a.end), text.slice(a.finding.start, a.finding.end), "the range is the call expression");
    return `${line + 1}:${character + 1} ${a.code} ${a.severity}: ${a.message}${a.related.map((r) => ` + related ${r.code}: ${r.message}`).join("")}`;
  });
}

describe("diagnostics", () => {
  it("growing history names the bound and the lines where it grows", () => {
    assert.deepEqual(adviceOnExample("chat-history.ts"), [
      "16:28 aalp.growing-history warning: History re-sent on every iteration: input Θ(|questions|²·|question| + |questions|²·out[gpt-4.1]) (messages grows at lines 15, 17).",
    ]);
    assert.deepEqual(adviceOnExample("transcript-debate.ts"), ["14:28 aalp.growing-history warning: History re-sent on every iteration: input Θ(turns² + turns·|topic|) (transcript grows at line 20)."]);
  });

  it("the naive debugging loop re-sends every version of the whole program (paper §3.2.1): one diagnostic per call, the whole text related", () => {
    const history = "History re-sent on every iteration: input Θ(rounds²·|program|) (conversation grows at lines 19, 27).";
    const whole = "program is sent whole on each of rounds iterations, and every version is kept: input Θ(rounds²·|program|). If each iteration needs only part of it, send that part.";
    assert.deepEqual(adviceOnExample("debug-naive.ts"), [
      `21:22 aalp.growing-history warning: ${history} + related aalp.whole-input-per-item: ${whole}`,
      `29:23 aalp.growing-history warning: ${history} + related aalp.whole-input-per-item: ${whole}`,
    ]);
  });

  it("the whole sent with each of its own units", () => {
    const code = `import OpenAI from "openai";
const ai = new OpenAI();
export async function review(wholeProgram: string, fns: string[]) {
  for (const fn of fns) await ai.chat.completions.create({ model: "gpt-4o", max_tokens: 50, messages: [{ role: "user", content: wholeProgram + fn }] });
}
`;
    assert.deepEqual(
      adviceFor("case.ts", code).map((a) => `${a.code}: ${a.message}`),
      [
        "aalp.whole-input-per-item: wholeProgram is sent whole on each of |fns| iterations: input Θ(|fns|·|fn| + |fns|·|wholeProgram|). If each iteration needs only part of it, send that part.",
        "aalp.sequential-independent-calls: The iterations of the loop at line 4 do not depend on each other but wait for one another: span Θ(|fns|) calls. Run them concurrently.",
      ],
    );
  });

  it("unbounded loops: exits only data decides", () => {
    assert.deepEqual(adviceOnExample("evolution-global.ts"), [
      "15:30 aalp.unbounded-loop warning: The while loop at line 14 ends only when data says so (T[evolve] iterations, no bound in the code): calls O(T[evolve]). Cap its iterations.",
    ]);
  });

  it("a large model for a five-token label, with the provider's smaller model (paper §3.1)", () => {
    assert.deepEqual(adviceOnExample("routing-specialists.ts"), [
      "18:25 aalp.generalist-for-constant-output information: claude-sonnet-4-5 writes at most 5 tokens here: claude-haiku-4-5 costs 3× less per token (paper §3.1: size the model to the task).",
    ]);
  });

  it("independent iterations awaited one by one; not when state is carried or the loop already fans out", () => {
    assert.deepEqual(adviceOnExample("per-item.ts"), [
      "12:28 aalp.sequential-independent-calls information: The iterations of the loop at line 11 do not depend on each other but wait for one another: span Θ(|tickets|) calls. Run them concurrently.",
    ]);
    assert.deepEqual(adviceOnExample("evolution-local.ts"), [
      "19:32 aalp.sequential-independent-calls information: The iterations of the loop at line 15 do not depend on each other but wait for one another: span O(|blocks|) calls. Run them concurrently.",
    ]);
    assert.deepEqual(adviceOnExample("fan-out.ts"), []);
    assert.deepEqual(adviceOnExample("windowed-history.ts"), []);
  });

  it("nothing to say about constant-size single calls on a suitable model", () => {
    assert.deepEqual(adviceOnExample("routing-generalist.ts"), []);
  });

  it("warnDegree and severity come from the settings", () => {
    const strict = { ...DEFAULT_ADVICE_SETTINGS, warnDegree: 3, severity: "error" as const };
    assert.deepEqual(adviceOnExample("chat-history.ts", strict), []);
    assert.match(adviceOnExample("evolution-global.ts", strict)[0]!, / aalp\.unbounded-loop error: /);
  });

  it("fixtures: the state a loop carries makes its iterations dependent", () => {
    assert.deepEqual(adviceFor("transcript.ts", fixture("transcript.ts")).map((a) => a.code), ["aalp.growing-history"]);
  });
});
