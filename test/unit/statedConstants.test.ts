// Constants the code states (default parameters, a literal model default) and SDK calls that
// send one request per element (LangChain batch): what the estimate and the symbols say.
import * as assert from "node:assert/strict";
import { estimate, formatBound } from "../../src/core";
import { countTokens } from "../../src/core/tokens";
import * as fs from "node:fs";
import * as path from "node:path";
import { analyze, expectSites } from "./analyze";

describe("constants the code states", () => {
  it("a default parameter is the loop count's value; a literal model default is the model", () => {
    const [loop, complete] = analyze(`import OpenAI from "openai";
const client = new OpenAI();
export async function refine(task: string, maxRounds = 8) {
  for (let i = 0; i < maxRounds; i++) await client.chat.completions.create({ model: "gpt-4o", max_tokens: 100, messages: [{ role: "user", content: task }] });
}
export async function complete(prompt: string, model = "gpt-4o") {
  return client.chat.completions.create({ model, max_tokens: 10, messages: [{ role: "user", content: prompt }] });
}
`);
    const e = estimate(loop!, { "|task|": 50 });
    assert.deepEqual([e.calls, e.inputTokens, e.outputTokens, e.exact], [8, 400, 800, true]);
    assert.deepEqual(e.at.find((a) => a.name === "maxRounds"), { name: "maxRounds", value: 8, source: "code" });
    // The caller may pass more: still a count, and an assumption wins.
    assert.equal(estimate(loop!, { maxRounds: 3 }).calls, 3);
    assert.equal(complete!.model, "gpt-4o");
  });

  it("LangChain batch: one request per element, each the size of its own element; messages are their content", () => {
    expectSites(`import { ChatOpenAI } from "@langchain/openai";
import { HumanMessage } from "@langchain/core/messages";
const model = new ChatOpenAI({ model: "gpt-4o-mini", maxConcurrency: 4 });
export async function summarize(docs: string[]) {
  return model.batch(docs.map((d) => [new HumanMessage(d)])); // @site
}
export async function lines(xs: string[]) {
  for (const line of xs) await model.invoke([new HumanMessage(line)]); // @site
}
`, [
      { calls: "Θ(|docs|)", input: "Θ(|docs|·|d|)", loops: "batch@5:|docs|" },
      { calls: "Θ(|xs|)", input: "Θ(|xs|·|line|)" },
    ]);
  });
});

describe("a halving recursion's counts", () => {
  const code = fs.readFileSync(path.resolve(__dirname, "../../../examples/recursive-summarizer.ts"), "utf8");
  const loop = analyze(code, "recursive-summarizer.ts").find((f) => f.functionName === "summarizeLibrary")!;

  it("a document under CHUNK = 2000 characters is one call, not one per token", () => {
    // 200 tokens are about 800 characters: one leaf, no merge.
    assert.deepEqual([estimate(loop, { "|docs|": 1, "|d|": 200 }).calls, estimate(loop, { "|docs|": 5, "|d|": 200 }).calls], [1, 5]);
  });

  it("a longer one is L leaves and L − 1 merges, L a power of two", () => {
    // 3,200 tokens ≈ 12,800 characters: 6.4 pieces of 2,000, so 8 leaves and 7 merges.
    const e = estimate(loop, { "|docs|": 1, "|d|": 3200 });
    assert.equal(e.calls, 15);
    assert.deepEqual(e.at.find((a) => a.name === "leaves[summarize:|d|]"), { name: "leaves[summarize:|d|]", value: 8, source: "code" });
  });
});

describe("values of constant size", () => {
  it("an id in a prompt is a few tokens, not a text of the default size", () => {
    const [f] = analyze(`import OpenAI from "openai";
const client = new OpenAI();
export async function label(tickets: { id: string; body: string }[]) {
  for (const t of tickets) await client.chat.completions.create({ model: "gpt-4o", max_tokens: 5, messages: [{ role: "user", content: \`Ticket \${t.id}: \${t.body}\` }] });
}
`);
    // "Ticket " and ": " (3 tokens) + the id (4) + the body (|t.body|, 100 here) per ticket.
    assert.equal(estimate(f!, { "|tickets|": 2, "|t.body|": 100 }).inputTokens, 2 * (3 + 4 + 100));
    assert.ok(!f!.symbols.some((s) => s.name === "|t.id|"));
  });
});

describe("values of either branch", () => {
  it("a conditional sends one branch: counted at the larger, not their sum", () => {
    const [f] = analyze(`import OpenAI from "openai";
const client = new OpenAI();
export async function pair(goal: string, turns: number) {
  for (let turn = 0; turn < turns; turn++) {
    await client.chat.completions.create({ model: "gpt-4o", max_tokens: 5, messages: [{ role: "user", content: turn === 0 ? goal : \`Done. \${goal}\` }] });
  }
}
`);
    // "Done. " is 3 tokens: the larger branch is |goal| + 3, sent on each of the 4 turns (the sum said 2·|goal| + 3).
    assert.deepEqual([estimate(f!, { turns: 4, "|goal|": 30 }).inputTokens, f!.inputTokens.kind === "poly" && f!.inputTokens.tight], [4 * 33, true]);
  });
});

describe("a window over a class's history", () => {
  it("this.history.slice(-6) holds 6 of what the methods push, an upper bound while it fills", () => {
    // It was sized as a 6-character string (2 tokens per call).
    const sites = analyze(`import OpenAI from "openai";
const client = new OpenAI();
class Tutor {
  private history: { role: "user" | "assistant"; content: string }[] = [];
  async ask(q: string) {
    this.history.push({ role: "user", content: q });
    const r = await client.chat.completions.create({ model: "gpt-4o", max_tokens: 30, messages: this.history.slice(-6) });
    this.history.push({ role: "assistant", content: r.choices[0].message.content ?? "" });
  }
}
export async function tutor(questions: string[]) {
  const t = new Tutor();
  for (const q of questions) await t.ask(q);
}
`);
    const loop = sites.find((f) => f.functionName === "tutor")!;
    assert.equal(formatBound(loop.inputTokens, loop.rank), "O(|questions|·|q|)");
    // 6 elements, on average one question (20) and one answer (30): 150 a call; the run sends
    // 20, 70, 120, then 150 a call, so 4 questions are 360 and the estimate 600, marked an upper bound.
    const e = estimate(loop, { "|questions|": 4, "|q|": 20 });
    assert.deepEqual([e.calls, e.inputTokens, e.exact], [4, 600, false]);
  });
});

describe("windows over a history that starts with elements", () => {
  const SYSTEM = "You are a concise assistant for a bicycle repair shop.";
  const S = countTokens(SYSTEM);
  const program = (trim: string, send: string) => `import OpenAI from "openai";
const client = new OpenAI();
export async function chat(qs: string[]) {
  const h: { role: string; content: string }[] = [{ role: "system", content: "${SYSTEM}" }];
  for (const q of qs) {
    h.push({ role: "user", content: q });
    ${trim}
    const c = await client.chat.completions.create({ model: "gpt-4o", max_tokens: 10, messages: ${send} });
    h.push({ role: "assistant", content: c.choices[0].message.content ?? "" });
  }
}
`;

  it("splice(1, h.length − 4) keeps the system message and the last 3: counted turn by turn, also below the steady turn", () => {
    const [f] = analyze(program("if (h.length > 4) h.splice(1, h.length - 4);", "h"));
    // [S, q] then [S, q, a, q] from the 2nd turn on: (S + 20) + 4·(S + 50) at 5 turns; S + 20 at 1.
    assert.equal(estimate(f!, { "|qs|": 5, "|q|": 20 }).inputTokens, 5 * S + 220);
    assert.equal(estimate(f!, { "|qs|": 1, "|q|": 20 }).inputTokens, S + 20);
  });

  it("while (h.length > 3) h.shift() drops the system message once the history is longer", () => {
    // [S, q], [S, q, a, q] → [q, a, q] from the 2nd turn on: (S + 20) + 3·(50) at 4 turns; the same
    // with h = h.slice(-3).
    for (const trim of ["while (h.length > 3) h.shift();", "h = h.slice(-3);"]) {
      const [f] = analyze(program(trim, "h").replace("const h:", "let h:"));
      assert.equal(estimate(f!, { "|qs|": 4, "|q|": 20 }).inputTokens, S + 20 + 150, trim);
    }
  });

  it("[h[0], ...h.slice(-2)] sends the system message pinned, and again while it is among the last 2", () => {
    const [f] = analyze(program("", "[h[0], ...h.slice(-2)]"));
    // Turn 0: S + [S, q]; from turn 1: S + [a, q]: 2S + 20, then (S + 30) each.
    assert.equal(estimate(f!, { "|qs|": 3, "|q|": 20 }).inputTokens, 2 * S + 20 + 2 * (S + 30));
    assert.equal(estimate(f!, { "|qs|": 1, "|q|": 20 }).inputTokens, 2 * S + 20);
  });
});
