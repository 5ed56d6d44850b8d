// Cancellation inside a file: `shouldStop` is asked between functions, and a true answer stops the
// analysis there (AnalysisCancelled), leaving nothing of it behind: asked again, the file gives what
// a fresh project gives. The editor's worker answers `shouldStop` from the host's cancel flag.
import * as assert from "node:assert/strict";
import { AnalysisCancelled } from "../../src/core";
import { memoryProject } from "./project";

const FUNCTIONS = 300;

/** `count` functions, each with its own loop of chat calls: one finding per function. */
function manyFunctions(count: number, call: (q: string) => string): string {
  const fns = Array.from({ length: count }, (_, i) => `export async function f${i}(qs: string[]) {\n  for (const q of qs) await ${call("q")};\n}\n`);
  return fns.join("");
}

const DIRECT = `import OpenAI from "openai";\nconst client = new OpenAI();\n${manyFunctions(FUNCTIONS, (q) => `client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: ${q} }] })`)}`;
const WRAPPER = `import OpenAI from "openai";\nconst client = new OpenAI();\nexport async function ask(q: string) {\n  return client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: q }] });\n}\n`;
const VIA_WRAPPER = `import { ask } from "./llm";\n${manyFunctions(FUNCTIONS, (q) => `ask(${q})`)}`;

/** A stop check that answers true from its `stopAt`-th question on, and counts the questions. */
function stopAfter(stopAt: number): { asked: number; check: () => boolean } {
  const s = {
    asked: 0,
    check: () => ++s.asked >= stopAt,
  };
  return s;
}

describe("cancellation inside a file", () => {
  it(`stops after the third of ${FUNCTIONS} functions, and keeps nothing of the stopped analysis`, () => {
    let stop: (() => boolean) | undefined;
    const { project } = memoryProject({ "/p/agent.ts": DIRECT }, { shouldStop: () => stop?.() ?? false });
    const counter = stopAfter(3);
    stop = counter.check;
    assert.throws(() => project.analyze("/p/agent.ts"), AnalysisCancelled);
    // Asked once per function entered: the third function is where it stopped, not the 300th.
    assert.equal(counter.asked, 3);
    stop = undefined;
    const again = project.analyze("/p/agent.ts");
    assert.equal(again.skipped, undefined);
    assert.equal(again.findings.length, FUNCTIONS);
    assert.deepEqual(again.findings.map((f) => f.line), Array.from({ length: FUNCTIONS }, (_, i) => 3 + 3 * i + 1));
  });

  it("a stop inside another module's summary unwinds through the project: the wrapper's answer is not kept as none", () => {
    let stop: (() => boolean) | undefined;
    const files = { "/p/llm.ts": WRAPPER, "/p/agent.ts": VIA_WRAPPER };
    const { project } = memoryProject(files, { shouldStop: () => stop?.() ?? false });
    // The first question comes from agent.ts's first function, the second from ask()'s summary in llm.ts.
    const counter = stopAfter(2);
    stop = counter.check;
    assert.throws(() => project.analyze("/p/agent.ts"), AnalysisCancelled);
    assert.equal(counter.asked, 2);
    stop = undefined;
    const fresh = memoryProject(files).project.analyze("/p/agent.ts");
    const again = project.analyze("/p/agent.ts");
    assert.equal(again.findings.length, FUNCTIONS);
    assert.deepEqual(
      again.findings.map((f) => `${f.line} ${f.through} ${f.model}`),
      fresh.findings.map((f) => `${f.line} ${f.through} ${f.model}`),
    );
    assert.equal(again.findings[0]!.through, "ask");
  });

  it("without a stop check, or one that never answers true, the analysis is whole", () => {
    const { project } = memoryProject({ "/p/agent.ts": DIRECT }, { shouldStop: () => false });
    assert.equal(project.analyze("/p/agent.ts").findings.length, FUNCTIONS);
  });
});

// 8ba029d's askParsable rethrows a cancellation met while another module answers a question. A stop
// asked once (true at exactly one question, false after) shows it: swallowed there, the run would go
// on to the end with that module's answer lost (no finding at the loop) instead of stopping.
describe("a cancellation met while another module answers a question (askParsable)", () => {
  const FILES = {
    "/p/reviewer.ts": `import OpenAI from "openai";
const client = new OpenAI();
export class Reviewer {
  async review(q: string) { return client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: q }] }); }
}
export async function load(): Promise<Reviewer | null> { return new Reviewer(); }
`,
    "/p/use.ts": `import { load } from "./reviewer";
export async function run(qs: string[]) {
  const reviewer = await load();
  for (const q of qs) await reviewer?.review(q);
}
`,
  };
  const loops = (r: { findings: readonly { line: number; loops: readonly { tripCount: string }[] }[] }): string[] => r.findings.map((f) => `${f.line}: ${f.loops.map((l) => l.tripCount).join(" ")}`);

  it("a stop answered at any one question stops the run, the one asked inside load's module too (the factory's summary); the next analysis equals a fresh one", () => {
    let asked = 0;
    const fresh = memoryProject(FILES, { shouldStop: () => (asked++, false) }).project.analyze("/p/use.ts");
    assert.deepEqual(loops(fresh), ["4: |qs|"]);
    // The first in use.ts's own import check of load, the second inside reviewer.ts answering load()'s summary, the third in use.ts's run.
    assert.equal(asked, 3);
    for (let at = 1; at <= asked; at++) {
      let n = 0;
      let stopping = true;
      const { project } = memoryProject(FILES, { shouldStop: () => stopping && ++n === at });
      assert.throws(() => project.analyze("/p/use.ts"), AnalysisCancelled, `the stop at question ${at} was not seen`);
      stopping = false;
      assert.deepEqual(loops(project.analyze("/p/use.ts")), ["4: |qs|"], `after the stop at question ${at}`);
    }
  });
});
