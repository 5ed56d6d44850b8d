// gemini-cli's subagent turn through the scheduler (issue 17, place 16), written from the shape
// (fixtures/geminiGenerator.ts): each turn asks the model and hands the calls it names to the
// scheduler, whose `_execute` checks each call with a safety model and, when the user approves a
// wider sandbox, runs the call again by calling itself. That recursion has no counter: as many
// rounds as the user approves, so the turn's cost is unbounded (it was unknown), and the turn loop
// keeps its maxTurns bound.
import * as assert from "node:assert/strict";
import { costClass } from "../../src/core/report/costClass";
import { CONTENT_GENERATOR, SCHEDULER, configModule, localExecutorModule } from "./fixtures/geminiGenerator";
import { memoryProject, sitesOf } from "./project";

const FILES: Record<string, string> = {
  "/p/contentGenerator.ts": CONTENT_GENERATOR,
  "/p/config.ts": configModule("./contentGenerator"),
  "/p/scheduler.ts": SCHEDULER,
  "/p/local-executor.ts": localExecutorModule("./scheduler", "./config"),
};

const ONCE = "Scheduler._execute calls itself at line 26, at most once an invocation (no loop or callback around the call), testing no counter";
const WHY = `${ONCE} and handing on its own parameters: data decides how many rounds run`;

describe("gemini-cli's subagent turn through the scheduler: a retry recursion after the user's approval", () => {
  it("the scheduler's calls: rounds[Scheduler._execute] safety checks per call, unbounded, saying why", () => {
    const { project } = memoryProject(FILES);
    assert.deepEqual(sitesOf(project, "/p/scheduler.ts", ["api", "calls", "input"]), [
      { line: 17, api: "@google/genai this._execute() → models.generateContent", calls: "O(|calls|·rounds[Scheduler._execute])", input: "O(|calls|·rounds[Scheduler._execute]·|activeCall.args|)" },
      { line: 23, api: "@google/genai models.generateContent", calls: "O(rounds[Scheduler._execute])", input: "O(rounds[Scheduler._execute]·|activeCall.args|)" },
    ]);
    const [loop, own] = project.analyze("/p/scheduler.ts").findings;
    assert.deepEqual([costClass(loop!), costClass(own!)], ["unbounded", "unbounded"]);
    const rounds = own!.symbols.find((s) => s.name === "rounds[Scheduler._execute]")!;
    assert.deepEqual([rounds.kind, rounds.unbounded, rounds.value, rounds.line, rounds.origin], ["count", true, undefined, 21, `the invocations of Scheduler._execute in one call from outside, not bounded in the code: ${WHY}`]);
    assert.ok(own!.explanation.includes(`recursion: rounds[Scheduler._execute] = the invocations of Scheduler._execute, not bounded in the code: ${WHY}; this call runs in each`), own!.explanation.join("\n"));
  });

  it("a call handed on grown, whose size the check reads, is no chain of equal rounds: unknown, saying why", () => {
    const grown = SCHEDULER.replace("contents: [activeCall.args]", "contents: [call.args]").replace("this._execute({ ...activeCall, sandbox: \"expanded\" })", "this._execute({ ...call, args: call.args + \" --sandbox=expanded\" })");
    const { project } = memoryProject({ ...FILES, "/p/scheduler.ts": grown });
    const [loop] = project.analyze("/p/scheduler.ts").findings;
    assert.deepEqual([loop!.line, loop!.calls], [17, { kind: "unknown", reason: `${ONCE}, but hands on another value than its parameter call, whose size the cost reads (it may be larger each round), so no round's sizes bound the next's` }]);
  });

  it("the subagent's turn loop: at most maxTurns turns, each its request and the scheduler's unbounded checks (was unknown)", () => {
    const { project } = memoryProject(FILES);
    assert.deepEqual(sitesOf(project, "/p/local-executor.ts", ["api", "calls", "input"]), [
      {
        line: 15,
        api: "@google/genai this.executeTurn() → 2 LLM call sites",
        calls: "O(maxTurns·rounds[Scheduler._execute]·out[gemini-2.5-flash])",
        input: "O(maxTurns·rounds[Scheduler._execute]·|activeCall.args|·out[gemini-2.5-flash] + maxTurns·|task|)",
      },
      { line: 20, api: "@google/genai models.generateContentStream", calls: "Θ(1)", input: "Θ(|task|)" },
    ]);
    const [turns] = project.analyze("/p/local-executor.ts").findings;
    assert.equal(costClass(turns!), "unbounded");
    assert.ok(turns!.explanation.includes("line 12: while (true) stops once reason (line 14 leaves the loop; this.checkTermination(turnCounter, maxTurns) is truthy once turnCounter >= maxTurns) → at most maxTurns iterations"), turns!.explanation.join("\n"));
    assert.ok(turns!.symbols.some((s) => s.name === "rounds[Scheduler._execute]" && s.unbounded && s.file === "/p/scheduler.ts"));
  });
});
