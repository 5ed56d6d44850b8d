// Constants the code states (default parameters, a literal model default) and SDK calls that
// send one request per element (LangChain batch): what the estimate and the symbols say.
import * as assert from "node:assert/strict";
import { estimate } from "../../src/core";
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
