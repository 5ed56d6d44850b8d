// Issue 17, langchainjs's AgentExecutorIterator: a `while (true)` that calls a method of its class each
// round; the method returns early once `shouldContinue(this.iterations)` fails, and past that check
// it makes the request and steps `this.iterations`. The loop itself ends only when a later round
// throws, but the requests are at most the cap. Small programs of the shape, not the repository's code.
import * as assert from "node:assert/strict";
import { analyze, expectSites } from "./analyze";
import { costClass } from "../../src/core/report/costClass";

const CLIENT = `import OpenAI from "openai";\nconst client = new OpenAI();\n`;

/** The executor (a cap field the caller may unset, read through a getter handing out a bound method) and its iterator; `callNext` is the method each round calls. */
const iterator = (callNext: string, loop = `        const result = await this.callNext(); // @site
        yield result;`, catchBlock = `        if (this.finalOutput !== undefined) return this.finalOutput;
        throw e;`): string => `${CLIENT}export class Executor {
  maxIterations?: number = 15;
  constructor(input: { maxIterations?: number }) {
    this.maxIterations = input.maxIterations ?? this.maxIterations;
  }
  get shouldContinueGetter() {
    return this.shouldContinue.bind(this);
  }
  private shouldContinue(iterations: number): boolean {
    return this.maxIterations === undefined || iterations < this.maxIterations;
  }
  async plan(steps: string[]): Promise<string> {
    const r = await client.chat.completions.create({ model: "gpt-4o", messages: steps.map((s) => ({ role: "user" as const, content: s })) }); // @site
    return r.choices[0]!.message.content ?? "";
  }
}
export class ExecutorIterator {
  executor: Executor;
  iterations = 0;
  steps: string[] = [];
  finalOutput: string | undefined;
  constructor(executor: Executor) {
    this.executor = executor;
  }
  reset(): void {
    this.iterations = 0;
    this.finalOutput = undefined;
  }
  updateIterations(): void {
    this.iterations += 1;
  }
  async *streamIterator() {
    this.reset();
    while (true) {
      try {
${loop}
      } catch (e) {
${catchBlock}
      }
    }
  }
  async callNext(): Promise<string> {
    if (this.finalOutput !== undefined) throw new Error("Final outputs already reached");
${callNext}
  }
  stop(): string {
    this.finalOutput = "stopped";
    return this.finalOutput;
  }
}
`;

const GUARDED = `    if (!this.executor.shouldContinueGetter(this.iterations)) return this.stop();
    const text = await this.executor.plan(this.steps);
    this.steps.push(text);
    this.updateIterations();
    return text;`;

/** The loops of the finding in the iterator's loop (the second). */
const loopsAt = (code: string): string => {
  const findings = analyze(code);
  assert.equal(findings.length, 2, code);
  return findings[1]!.loops.map((l) => `${l.kind}@${l.line}:${l.tripCount}${l.dataDependent ? "!" : ""}`).join(" ");
};

describe("a request reached past a helper's counted guard (AgentExecutorIterator)", () => {
  it("while (true) calls a method that returns once shouldContinue(this.iterations) fails and steps the counter past its request: at most maxIterations requests", () => {
    // langchainjs libs/langchain-classic/src/agents/executor.ts:126–296: before, O(T[ExecutorIterator.streamIterator]), unbounded.
    const code = iterator(GUARDED);
    expectSites(code, [
      { calls: "Θ(1)", loops: "" },
      { calls: "O(maxIterations)", input: "O(maxIterations²·|s|)", growth: "output", loops: "while@36:maxIterations" },
    ]);
    const f = analyze(code)[1]!;
    assert.equal(costClass(f), "quadratic");
    assert.ok(
      f.explanation.includes("line 36: while (true) exits only when data says so, but the requests of this.callNext() come past its guard (line 48: !this.executor.shouldContinueGetter(this.iterations) returns; this.iterations is stepped on every pass past it): maxIterations = 15 by default, no cap when unset → at most maxIterations iterations"),
      f.explanation.join("\n"),
    );
    assert.deepEqual(f.symbols.filter((s) => s.name === "maxIterations").map((s) => [s.value, s.unbounded ?? false]), [[15, false]]);
    // The cap read as a plain method call and as an exit (`if (c >= max) return`), with a number.
    assert.equal(loopsAt(iterator(GUARDED.replace("this.executor.shouldContinueGetter(this.iterations)", "this.under(this.iterations)")).replace("  stop(): string {", "  under(i: number): boolean {\n    return i < 4;\n  }\n  stop(): string {")), "while@36:4");
    assert.equal(loopsAt(iterator(GUARDED.replace("if (!this.executor.shouldContinueGetter(this.iterations)) return this.stop();", "if (this.iterations >= 3) return this.stop();"))), "while@36:3");
    // A strict exit lets the pass at the bound by: iterations 0 … 3 get past `> 3`.
    assert.equal(loopsAt(iterator(GUARDED.replace("if (!this.executor.shouldContinueGetter(this.iterations)) return this.stop();", "if (this.iterations > 3) return this.stop();"))), "while@36:4");
  });

  it("a step some passes skip, a return or a swallowed error between the request and the step, a reset in the loop, a request before the guard, a call not awaited: unbounded", () => {
    const unbounded = [
      // Stepped only when the answer is not empty.
      iterator(GUARDED.replace("    this.updateIterations();", "    if (text !== \"\") this.updateIterations();")),
      // A return after the request, before the step.
      iterator(GUARDED.replace("    this.steps.push(text);", "    if (text === \"again\") return text;\n    this.steps.push(text);")),
      // The request's error caught in the method, the step inside the try.
      iterator(GUARDED.replace("    const text = await this.executor.plan(this.steps);\n    this.steps.push(text);\n    this.updateIterations();\n    return text;", "    try {\n      const text = await this.executor.plan(this.steps);\n      this.updateIterations();\n      return text;\n    } catch {\n      return \"\";\n    }")),
      // The loop's catch goes on to the next round: a failed request is made again with no step.
      iterator(GUARDED, undefined, "        if (this.finalOutput !== undefined) return this.finalOutput;"),
      // The counter set anew in the loop, or by the method.
      iterator(GUARDED, `        const result = await this.callNext(); // @site
        if (result === "restart") this.reset();
        yield result;`),
      iterator(GUARDED.replace("    this.updateIterations();", "    this.updateIterations();\n    if (text === \"restart\") this.iterations = 0;")),
      // A request before the guard, and in the guard's own branch.
      iterator(`    await this.executor.plan(this.steps);\n${GUARDED}`),
      iterator(GUARDED.replace("return this.stop();", "return this.executor.plan(this.steps);")),
      // Not awaited: the rounds' calls may all pass the check before any steps the counter.
      iterator(GUARDED, `        void this.callNext(); // @site
        yield "";`),
      // The getter hands out the method unbound: not read.
      iterator(GUARDED).replace("return this.shouldContinue.bind(this);", "return this.shouldContinue;"),
    ];
    for (const code of unbounded) assert.equal(loopsAt(code), "while@36:T[ExecutorIterator.streamIterator]!", code);
  });
});
