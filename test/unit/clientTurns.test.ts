// gemini-cli's client turns (issue 17, place 15): sendMessageStream ↔ processTurn ↔ recoverFromLoop
// hand `boundedTurns - 1` round, processTurn stopping at `!boundedTurns`; the AfterAgent hook's
// continuation re-enters sendMessageStream after processTurn may have, with no test of the counter
// on that way round. Written from the shape (fixtures/geminiGenerator.ts): without the hook the
// rounds are at most MAX_TURNS, each re-sending the history; with it no code bounds them.
import * as assert from "node:assert/strict";
import { costClass } from "../../src/core/report/costClass";
import { CONTENT_GENERATOR, SESSION, clientTurnsModule, configModule } from "./fixtures/geminiGenerator";
import { memoryProject, sitesOf } from "./project";

const files = (hook: boolean): Record<string, string> => ({
  "/p/contentGenerator.ts": CONTENT_GENERATOR,
  "/p/config.ts": configModule("./contentGenerator"),
  "/p/client.ts": clientTurnsModule("./config", hook),
  "/p/session.ts": SESSION,
});

const API = "@google/genai client.sendMessageStream() → this.processTurn() → models.generateContentStream";

describe("gemini-cli's client turns: a counter handed round the turn, and the AfterAgent hook's continuation", () => {
  it("without the hook: at most MAX_TURNS = 100 rounds, each re-sending the history (quadratic in the rounds, and in the questions)", () => {
    const { project } = memoryProject(files(false));
    assert.deepEqual(sitesOf(project, "/p/session.ts", ["api", "calls", "input"]), [
      { line: 4, api: API, calls: "O(|questions|·rounds[GeminiClient.sendMessageStream])", input: "O(|questions|²·rounds[GeminiClient.sendMessageStream]²·|q| + |questions|²·rounds[GeminiClient.sendMessageStream]²·out[gemini-2.5-flash])" },
    ]);
    const [site] = project.analyze("/p/session.ts").findings;
    assert.equal(costClass(site!), "cubic+");
    const rounds = site!.symbols.find((x) => x.name === "rounds[GeminiClient.sendMessageStream]")!;
    assert.deepEqual([rounds.kind, rounds.value, rounds.unbounded, rounds.line], ["count", 100, undefined, 11]);
    assert.ok(site!.explanation.includes("  at most MAX_TURNS = 100 rounds of GeminiClient.sendMessageStream ↔ GeminiClient.recoverFromLoop ↔ GeminiClient.processTurn: boundedTurns − 1 each round, and GeminiClient.sendMessageStream once more before it stops; each round as one invocation of GeminiClient.sendMessageStream with the calls back into them left out"), site!.explanation.join("\n"));
  });

  it("with the hook's continuation: the rounds are not bounded in the code (unbounded), and the derivation says why", () => {
    const { project } = memoryProject(files(true));
    assert.deepEqual(sitesOf(project, "/p/session.ts", ["api", "calls", "input"]), [
      { line: 4, api: API, calls: "O(|questions|·rounds[GeminiClient.sendMessageStream])", input: "O(|questions|²·rounds[GeminiClient.sendMessageStream]²·|q| + |questions|²·rounds[GeminiClient.sendMessageStream]²·out[gemini-2.5-flash])" },
    ]);
    const [site] = project.analyze("/p/session.ts").findings;
    assert.equal(costClass(site!), "unbounded");
    const why = "GeminiClient.sendMessageStream calls itself at line 15 with boundedTurns − 1, and nothing on that way round tests turns (no early return on it); GeminiClient.processTurn stops only when boundedTurns is exactly 0, which that way round steps past: data decides how many rounds run";
    const rounds = site!.symbols.find((x) => x.name === "rounds[GeminiClient.sendMessageStream]")!;
    assert.deepEqual([rounds.kind, rounds.value, rounds.unbounded, rounds.line, rounds.origin], ["count", undefined, true, 10, `the rounds of GeminiClient.sendMessageStream ↔ GeminiClient.recoverFromLoop ↔ GeminiClient.processTurn, not bounded in the code: ${why}`]);
    assert.ok(site!.explanation.includes(`  rounds[GeminiClient.sendMessageStream] = the rounds of GeminiClient.sendMessageStream ↔ GeminiClient.recoverFromLoop ↔ GeminiClient.processTurn, not bounded in the code: ${why}; each round as one invocation of GeminiClient.sendMessageStream with the calls back into them left out`), site!.explanation.join("\n"));
  });

  it("a continuation handing on a fixed request (a call of itself the chain rule would count alone) is the tangle's: its rounds count it once, whichever module is analysed first", () => {
    const fixed = clientTurnsModule("./config", true).replace("this.sendMessageStream(reason, boundedTurns - 1)", "this.sendMessageStream(\"Please continue.\", boundedTurns - 1)");
    for (const order of [["/p/session.ts", "/p/client.ts"], ["/p/client.ts", "/p/session.ts"]]) {
      const { project } = memoryProject({ ...files(true), "/p/client.ts": fixed });
      const seen = Object.fromEntries(order.map((f) => [f, sitesOf(project, f, ["calls"])]));
      // processTurn's call (line 12) is no site of a recursion of sendMessageStream's own: rounds[…]² would count the rounds twice.
      assert.deepEqual(seen["/p/client.ts"], [{ line: 22, calls: "Θ(1)" }], order.join(", "));
      assert.deepEqual(seen["/p/session.ts"], [{ line: 4, calls: "O(|questions|·rounds[GeminiClient.sendMessageStream])" }], order.join(", "));
    }
  });
});
