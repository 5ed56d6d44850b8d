// The diagnostic rules: typescript-eslint's shape (explicit numbers, messages with placeholders, a
// documentation page each), and the message id and data each reports on the examples.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { codeOfNumber, diagnosticNumber, docsPath, DIAGNOSTIC_CODES } from "../../../src/core/advice/codes";
import { formatMessage, RULES } from "../../../src/core/advice/rules";
import * as ts from "typescript";
import { analyzeFile, Project } from "../../../src/core";
import { adviseFindings } from "../../../src/core/advice/diagnostics";
import { DEFAULT_ADVICE_SETTINGS } from "../../../src/core/advice/types";
import { adviceFor, fixture } from "./harness";

const ROOT = path.resolve(__dirname, "../../../..");

/** What a test asserts of an advice: its code, message id and data, and its related advice's. */
function reported(name: string, text: string): unknown[] {
  return adviceFor(name, text).map((a) => ({ line: a.finding.line, code: a.code, messageId: a.messageId, data: a.data, related: a.related.map((r) => ({ code: r.code, messageId: r.messageId, data: r.data })) }));
}

const example = (name: string): string => fs.readFileSync(path.join(ROOT, "examples", name), "utf8");

describe("diagnostic rules", () => {
  it("have fixed numbers, one each, that map back to their codes", () => {
    assert.deepEqual(
      RULES.map((r) => [r.code, r.number]),
      [
        ["aalp.growing-history", 91001],
        ["aalp.whole-input-per-item", 91002],
        ["aalp.unbounded-loop", 91003],
        ["aalp.generalist-for-constant-output", 91004],
        ["aalp.sequential-independent-calls", 91005],
      ],
    );
    assert.deepEqual(DIAGNOSTIC_CODES, RULES.map((r) => r.code));
    for (const r of RULES) {
      assert.equal(diagnosticNumber(r.code), r.number);
      assert.equal(codeOfNumber(r.number), r.code);
      assert.equal(r.code, `aalp.${r.name}`);
    }
    assert.equal(codeOfNumber(91000), undefined);
    assert.equal(codeOfNumber(91006), undefined);
  });

  it("each has a documentation page, docs/diagnostics/<name>.md, that names its code, number and every message", () => {
    for (const r of RULES) {
      assert.equal(r.meta.docs.url, `docs/diagnostics/${r.name}.md`);
      assert.equal(docsPath(r.code), r.meta.docs.url);
      const page = fs.readFileSync(path.join(ROOT, r.meta.docs.url), "utf8");
      assert.ok(page.startsWith(`# ${r.code}`), `${r.meta.docs.url} starts with its code`);
      assert.ok(page.includes(String(r.number)), `${r.meta.docs.url} names ${r.number}`);
      for (const [id, template] of Object.entries(r.meta.messages)) {
        assert.ok(page.includes(`\`${id}\``), `${r.meta.docs.url} lists the message ${id}`);
        assert.ok(page.includes(template), `${r.meta.docs.url} quotes the message ${id}`);
      }
    }
  });

  it("fill placeholders once, leaving unknown ones and placeholders inside the data as written", () => {
    assert.equal(formatMessage("{{name}} is sent whole {{ missing }}: {{bound}}", { name: "{{bound}}", bound: "Θ(n)" }), "{{bound}} is sent whole {{ missing }}: Θ(n)");
    assert.equal(formatMessage("{{constructor}} {{__proto__}}", {}), "{{constructor}} {{__proto__}}");
  });

  it("growing-history with the whole program related: message ids and data (paper §3.2.1)", () => {
    const whole = { code: "aalp.whole-input-per-item", messageId: "everyVersionKept", data: { name: "program", iterations: "rounds", bound: "Θ(rounds²·|program|)" } };
    const history = { code: "aalp.growing-history", messageId: "resentGrowsAt", data: { bound: "Θ(rounds²·|program|)", where: "conversation grows at lines 19, 27" }, related: [whole] };
    assert.deepEqual(reported("debug-naive.ts", example("debug-naive.ts")), [
      { line: 21, ...history },
      { line: 29, ...history },
    ]);
  });

  it("whole-input-per-item alone, and sequential-independent-calls", () => {
    assert.deepEqual(reported("section-summaries.ts", fixture("exec/section-summaries.ts")), [
      { line: 9, code: "aalp.whole-input-per-item", messageId: "sentWhole", data: { name: "document", iterations: "|headings|", bound: "Θ(|headings|·|document| + |headings|·|heading|)" }, related: [] },
      { line: 9, code: "aalp.sequential-independent-calls", messageId: "awaitedOneByOne", data: { line: "8", span: "Θ(|headings|)" }, related: [] },
    ]);
  });

  it("unbounded-loop and generalist-for-constant-output", () => {
    assert.deepEqual(reported("evolution-global.ts", example("evolution-global.ts")), [
      { line: 15, code: "aalp.unbounded-loop", messageId: "dataDecidesExit", data: { kind: "while", line: "14", trips: "T[evolve]", calls: "O(T[evolve])" }, related: [] },
    ]);
    assert.deepEqual(reported("routing.ts", fixture("routing.ts")), [
      { line: 7, code: "aalp.generalist-for-constant-output", messageId: "smallerModelSuffices", data: { model: "claude-sonnet-4-5", output: "at most 5 tokens", smaller: "claude-haiku-4-5", ratio: "3" }, related: [] },
    ]);
  });

  it("generalist-for-constant-output: not on a running summary, whose constant size comes from no cap", () => {
    const text = `import OpenAI from "openai";
const openai = new OpenAI();
export async function summarize(chunks: string[]): Promise<string> {
  let summary = "";
  for (const chunk of chunks) {
    const c = await openai.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: \`Summary so far:\n\${summary}\n\nNew text:\n\${chunk}\` }] });
    summary = c.choices[0].message.content ?? summary;
  }
  return summary;
}
`;
    assert.deepEqual(reported("running.ts", text), []);
    // Capped by the call itself, the same call is a label.
    assert.deepEqual(reported("running.ts", text.replace(`model: "gpt-4o", messages`, `model: "gpt-4o", max_tokens: 5, messages`)).map((a) => (a as { messageId: string }).messageId), ["smallerModelSuffices"]);
  });

  it("the message is the rule's template filled with the data", () => {
    for (const name of ["debug-naive.ts", "evolution-global.ts", "per-item.ts"]) {
      for (const a of adviceFor(name, example(name))) {
        const rule = RULES.find((r) => r.code === a.code)!;
        assert.equal(a.message, formatMessage((rule.meta.messages as Record<string, string>)[a.messageId]!, a.data));
      }
    }
  });

  it("growing-history reads the analysis's growth facts (records), not its prose", () => {
    const text = example("chat-history.ts");
    const { findings } = analyzeFile(ts, "chat-history.ts", text);
    const f = findings[0]!;
    assert.deepEqual(f.facts, [{ kind: "grows", symbol: "messages", line: 15, loops: [14] }, { kind: "grows", symbol: "messages", line: 17, loops: [14] }]);
    // Without the derivation's text the rule still names where the history grows.
    const [a] = adviseFindings([{ ...f, explanation: [] }], DEFAULT_ADVICE_SETTINGS, { ts, fileName: "chat-history.ts", text });
    assert.equal(a!.message, "History re-sent on every iteration: input Θ(|questions|²·|question| + |questions|²·out[gpt-4.1]) (messages grows at lines 15, 17).");
  });

  it("a field grown across calls of its class's methods is a growth fact too (no loop of its own: loops [])", () => {
    const { findings } = analyzeFile(ts, "class-history.ts", example("class-history.ts"));
    const inMethod = findings.find((f) => f.line === 15)!;
    assert.deepEqual(inMethod.facts, [{ kind: "grows", symbol: "this.history", line: 14, loops: [] }, { kind: "grows", symbol: "this.history", line: 23, loops: [] }]);
  });

  it("a loop's call of a method that grows its field carries the method's growth facts, and growing-history names them", () => {
    const text = example("class-history.ts");
    const { findings } = analyzeFile(ts, "class-history.ts", text);
    const atLoop = findings.find((f) => f.line === 32)!;
    assert.deepEqual(atLoop.facts, [{ kind: "grows", symbol: "this.history", line: 14, loops: [] }, { kind: "grows", symbol: "this.history", line: 23, loops: [] }]);
    const advice = adviseFindings(findings, DEFAULT_ADVICE_SETTINGS, { ts, fileName: "class-history.ts", text }).filter((a) => a.code === "aalp.growing-history");
    assert.deepEqual(advice.map((a) => [a.finding.line, a.messageId, a.data.where]), [[32, "resentGrowsAt", "this.history grows at lines 14, 23"]]);
  });

  it("a class of another module that grows its field: the loop's call carries the facts with that file, and growing-history names it", () => {
    const classText = example("class-history.ts").replace(/\nexport async function walkThroughPlan[\s\S]*$/, "\n");
    const files: Record<string, string> = {
      "/p/assistant.ts": classText,
      "/p/plan.ts": `import { PlanningAssistant } from "./assistant";
export async function walkThroughPlan(steps: string[]): Promise<void> {
  const assistant = new PlanningAssistant();
  for (const step of steps) await assistant.ask(step);
}
`,
    };
    const project = new Project(ts, { readFile: (f: string) => files[f], fileExists: (f: string) => f in files });
    const { findings } = project.analyze("/p/plan.ts");
    assert.deepEqual(findings.map((f) => [f.line, f.facts]), [[4, [{ kind: "grows", symbol: "this.history", line: 14, loops: [], file: "/p/assistant.ts" }, { kind: "grows", symbol: "this.history", line: 23, loops: [], file: "/p/assistant.ts" }]]]);
    const advice = adviseFindings(findings, DEFAULT_ADVICE_SETTINGS, { ts, fileName: "/p/plan.ts", text: files["/p/plan.ts"]! });
    assert.deepEqual(advice.map((a) => [a.code, a.data.where]), [["aalp.growing-history", "this.history grows at lines 14, 23 of assistant.ts"]]);
  });

  it("a variable a closure grows, declared outside it, is a growth fact at the closure's call", () => {
    const text = `import OpenAI from "openai";
const openai = new OpenAI();
const history: string[] = [];
export async function ask(q: string): Promise<void> {
  history.push(q);
  await openai.chat.completions.create({ model: "gpt-4o", max_tokens: 50, messages: [{ role: "user", content: history.join("\\n") }] });
}
`;
    const [f] = analyzeFile(ts, "closure.ts", text).findings;
    assert.deepEqual(f!.facts, [{ kind: "grows", symbol: "history", line: 5, loops: [] }]);
  });
});
