// Context growth: accumulators grown inside loops, rebuilt or windowed values, sizes of inputs.
import * as assert from "node:assert/strict";
import { estimate } from "../../src/core";
import { analyze, expectSites } from "./analyze";

const HEAD = `import OpenAI from "openai";
import { generateText, type ModelMessage } from "ai";
import { openai as provider } from "@ai-sdk/openai";
const ai = new OpenAI();
type Msg = OpenAI.ChatCompletionMessageParam;
`;

describe("context growth", () => {
  it("push, unshift, concat, spread reassignment, string += and s = s + x accumulate", () => {
    expectSites(`${HEAD}export async function f(qs: string[], turns: number, note: string) {
  const a: Msg[] = [];
  for (const q of qs) {
    a.push({ role: "user", content: q });
    await ai.chat.completions.create({ model: "gpt-4o", max_tokens: 50, messages: a }); // @site
  }
  let b: Msg[] = [];
  for (const q of qs) {
    b = [...b, { role: "user", content: q }];
    await ai.chat.completions.create({ model: "gpt-4o", max_tokens: 50, messages: b }); // @site
  }
  let c: Msg[] = [];
  for (let i = 0; i < turns; i++) {
    c = c.concat([{ role: "user", content: note }]);
    await ai.chat.completions.create({ model: "gpt-4o", max_tokens: 50, messages: c }); // @site
  }
  let s = "";
  for (let i = 0; i < turns; i++) {
    s += note;
    await ai.chat.completions.create({ model: "gpt-4o", max_tokens: 50, messages: [{ role: "user", content: s }] }); // @site
  }
  let u = "";
  for (const q of qs) {
    u = u + "\\n" + q;
    const r = await ai.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: u }] }); // @site
    a.unshift({ role: "assistant", content: r.choices[0].message.content ?? "" });
  }
}
`, [
      { input: "Θ(|qs|²·|q|)", growth: "constant" },
      { input: "Θ(|qs|²·|q|)", growth: "constant" },
      { input: "Θ(turns²·|note|)", growth: "constant" },
      { input: "Θ(turns²·|note|)", growth: "constant" },
      { input: "Θ(|qs|²·|q|)", output: "Θ(|qs|·out[gpt-4o])", growth: "constant" },
    ]);
  });

  it("model outputs fed back grow the history by the output; the history of an SDK result replaces it", () => {
    expectSites(`${HEAD}export async function chat(questions: string[]) {
  const messages: ModelMessage[] = [{ role: "system", content: "You are terse." }];
  for (const question of questions) {
    messages.push({ role: "user", content: question });
    const result = await generateText({ model: provider("gpt-4.1"), messages }); // @site
    messages.push(...result.response.messages);
  }
  let history: ModelMessage[] = [];
  for (const question of questions) {
    const r = await generateText({ model: provider("gpt-4.1-mini"), messages: [...history, { role: "user", content: question }] }); // @site
    history = r.response.messages;
  }
}
`, [
      { input: "Θ(|questions|²·|question| + |questions|²·out[gpt-4.1])", growth: "output", calls: "Θ(|questions|)" },
      { input: "Θ(|questions|²·out[gpt-4.1-mini] + |questions|·|question|)", growth: "output" },
    ]);
  });

  it("no accumulation when the value is rebuilt each iteration, windowed or capped", () => {
    expectSites(`${HEAD}export async function f(qs: string[]) {
  let m: Msg[] = [];
  for (const q of qs) {
    m = [{ role: "system", content: "Be brief." }];
    m.push({ role: "user", content: q });
    await ai.chat.completions.create({ model: "gpt-4o", max_tokens: 9, messages: m }); // @site
  }
  const h: Msg[] = [];
  for (const q of qs) {
    h.push({ role: "user", content: q });
    await ai.chat.completions.create({ model: "gpt-4o", max_tokens: 9, messages: h.slice(-8) }); // @site
  }
  let w: Msg[] = [];
  for (const q of qs) {
    w.push({ role: "user", content: q });
    w = w.slice(-6);
    await ai.chat.completions.create({ model: "gpt-4o", max_tokens: 9, messages: w }); // @site
  }
  const x: Msg[] = [];
  for (const q of qs) {
    x.push({ role: "user", content: q });
    while (x.length > 10) x.shift();
    await ai.chat.completions.create({ model: "gpt-4o", max_tokens: 9, messages: x }); // @site
  }
}
`, [
      { input: "Θ(|qs|·|q|)", growth: "none" },
      { input: "Θ(|qs|·|q|)", growth: "none" },
      { input: "Θ(|qs|·|q|)", growth: "none" },
      { input: "Θ(|qs|·|q|)", growth: "none" },
    ]);
  });

  it("sizes: parameters, literals, slices, joins and maps over collections, opaque values", async () => {
    expectSites(`${HEAD}import { readFile } from "node:fs/promises";
export async function f(doc: string, files: string[], path: string) {
  await ai.chat.completions.create({ model: "gpt-4o", max_tokens: 5, messages: [{ role: "user", content: doc.slice(0, 200) }] }); // @site
  await ai.chat.completions.create({ model: "gpt-4o", max_tokens: 5, messages: [{ role: "user", content: files.join("\\n") }] }); // @site
  await ai.chat.completions.create({ model: "gpt-4o", max_tokens: 5, messages: [{ role: "user", content: files.map((f) => \`## \${f}\`).join("") }] }); // @site
  const body = await readFile(path, "utf8");
  await ai.chat.completions.create({ model: "gpt-4o", max_tokens: 5, messages: [{ role: "user", content: body }] }); // @site
  await ai.chat.completions.create({ model: "gpt-4o", max_tokens: 5, messages: [{ role: "user", content: "Say hi." }] }); // @site
}
`, [
      { input: "Θ(1)" },
      { input: "Θ(|files|·|files[]|)" },
      { input: "Θ(|files|·|f|)" },
      { input: "Θ(|body|)" },
      { input: "Θ(1)" },
    ]);
  });

  it("a model rewriting the value it was given: output is that value's size (paper §3.2.1)", () => {
    expectSites(`${HEAD}export async function fix(code: string, rounds: number) {
  const conversation: Msg[] = [];
  for (let r = 0; r < rounds; r++) {
    conversation.push({ role: "user", content: code });
    const qa = await ai.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 100, messages: conversation }); // @site
    conversation.push({ role: "assistant", content: qa.choices[0].message.content ?? "" });
    const dev = await ai.chat.completions.create({ model: "gpt-4o", messages: conversation }); // @site
    code = dev.choices[0].message.content ?? code;
  }
  return code;
}
`, [
      { input: "Θ(rounds²·|code|)", growth: "rewrite", output: "Θ(rounds)" },
      { input: "Θ(rounds²·|code|)", growth: "rewrite", output: "Θ(rounds·|code|)", generation: "Θ(rounds²·|code|²·m[gpt-4o])" },
    ]);
  });
});

describe("context growth: review cases", () => {
  it("a history collected from a stream still grows across the outer loop", () => {
    expectSites(`${HEAD}export async function f(turns: string[]) {
  let transcript = "";
  for (const t of turns) {
    const stream = await ai.chat.completions.create({ model: "gpt-4o", stream: true, messages: [{ role: "user", content: transcript + t }] }); // @site
    for await (const chunk of stream) transcript += chunk.choices[0]?.delta?.content ?? "";
  }
}
`, [{ input: "Θ(|turns|²·out[gpt-4o] + |turns|·|t|)", growth: "output" }]);
  });

  it("one shift() per turn under an if is no window when each turn adds two messages", () => {
    expectSites(`${HEAD}export async function f(qs: string[]) {
  const history: Msg[] = [];
  for (const q of qs) {
    history.push({ role: "user", content: q });
    const r = await ai.chat.completions.create({ model: "gpt-4o", max_tokens: 50, messages: history }); // @site
    history.push({ role: "assistant", content: r.choices[0].message.content ?? "" });
    if (history.length > 8) history.shift();
  }
}
`, [{ input: "Θ(|qs|²·|q|)", growth: "output" }]);
  });
});

describe("a list joined into one message", () => {
  it("counts a separator between each two elements, the count accumulated as the elements are; a mapped const names the list it maps", () => {
    const code = `${HEAD}export async function notes(qs: string[]) {
  const lines: string[] = ["Notes:"];
  for (const q of qs) {
    lines.push(q);
    await ai.chat.completions.create({ model: "gpt-4o", max_tokens: 10, messages: [{ role: "user", content: lines.join("\\n") }] }); // @site
  }
}
export async function synth(state: { results: { source: string; result: string }[]; query: string }) {
  const formatted = state.results.map((r) => \`From \${r.source}: \${r.result}\`);
  return ai.chat.completions.create({ model: "gpt-4o", max_tokens: 10, messages: [{ role: "user", content: \`Q: \${state.query} \${formatted.join("\\n\\n")}\` }] }); // @site
}
`;
    expectSites(code, [
      { input: "Θ(|qs|²·|q|)", growth: "constant" },
      // One separator an element, counted by state.results (the first version of this rule: a symbol |formatted| of its own).
      { input: "Θ(|state.results|·|r.result| + |state.results|·|r.source| + |state.query|)", growth: "none" },
    ]);
    // "Notes:" (2 tokens) and 1, 2, 3 questions of 5 with 1, 2, 3 newlines: 8 + 14 + 20 (before: 36, exact).
    const [notes] = analyze(code);
    const e = estimate(notes!, { "|qs|": 3, "|q|": 5 });
    assert.equal(e.inputTokens, 42);
    assert.equal(e.exact, true);
  });
});
