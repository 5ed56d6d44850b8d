// A run continued from an earlier run's state (issue 17, carry8): the state carries the earlier runs' messages.
import { expectSites } from "./analyze";

describe("a LlamaIndex agent run continued from an earlier run's state", () => {
  it("agent.run(q, { state }) with the state of the run before, in a loop: the history grows, quadratic input", () => {
    expectSites(`import { agent } from "@llamaindex/workflow";
import { openai } from "@llamaindex/openai";
const weather = agent({ llm: openai({ model: "gpt-4o" }), tools: [] });
export async function main(qs: string[]) {
  let state;
  for (const q of qs) {
    const r = await weather.run(q, { state }); // @site
    state = r.data.state;
  }
  for (const q of qs) {
    const fresh = await weather.run(q); // @site
    console.log(fresh.data.result);
  }
  for (const q of qs) {
    const r = await weather.run(q, { state: undefined }); // @site
    console.log(r.data.result);
  }
}
`, [
      {
        calls: "O(|qs|·steps[main/run])",
        input: "O(|qs|²·steps[main/run]²·tool[main/run] + |qs|²·steps[main/run]²·out + |qs|²·steps[main/run]·|q|)",
        growth: "stateful",
      },
      { calls: "O(|qs|·steps[main/run#2])", input: "O(steps[main/run#2]²·|qs|·tool[main/run#2] + steps[main/run#2]²·|qs|·out + |qs|·steps[main/run#2]·|q|)", growth: "output" },
      { calls: "O(|qs|·steps[main/run#3])", input: "O(steps[main/run#3]²·|qs|·tool[main/run#3] + steps[main/run#3]²·|qs|·out + |qs|·steps[main/run#3]·|q|)", growth: "output" },
    ]);
  });
});

describe("a LangChain agent with a checkpointer invoked again on the same thread", () => {
  it("invoke(x, { configurable: { thread_id } }) in a loop: the thread's messages grow across runs; a thread per run, or no checkpointer, does not", () => {
    expectSites(`import { createAgent, tool } from "langchain";
import { MemorySaver } from "@langchain/langgraph";
import { z } from "zod";
const search = tool(async () => "x", { name: "search", description: "d", schema: z.object({}) });
const kept = createAgent({ model: "openai:gpt-4o", tools: [search], checkpointer: new MemorySaver() });
const plain = createAgent({ model: "openai:gpt-4o", tools: [search] });
export async function main(qs: string[], user: string) {
  const config = { configurable: { thread_id: "user-123" } };
  for (const q of qs) await kept.invoke({ messages: [{ role: "user", content: q }] }, config); // @site
  for (const q of qs) await kept.invoke({ messages: [{ role: "user", content: q }] }, { configurable: { thread_id: user } }); // @site
  for (const q of qs) {
    const id = crypto.randomUUID();
    await kept.invoke({ messages: [{ role: "user", content: q }] }, { configurable: { thread_id: id } }); // @site
  }
  for (const q of qs) await plain.invoke({ messages: [{ role: "user", content: q }] }, config); // @site
}
`, [
      {
        calls: "O(|qs|·steps[main/invoke])",
        input: "O(|qs|²·steps[main/invoke]²·tool[main/invoke] + |qs|²·steps[main/invoke]²·out[openai:gpt-4o] + |qs|²·steps[main/invoke]·|q|)",
        growth: "stateful",
      },
      {
        calls: "O(|qs|·steps[main/invoke#2])",
        // The thread a parameter names may already hold messages (sound8): sent once a request.
        input: "O(|qs|²·steps[main/invoke#2]²·tool[main/invoke#2] + |qs|²·steps[main/invoke#2]²·out[openai:gpt-4o] + |qs|²·steps[main/invoke#2]·|q| + |qs|·steps[main/invoke#2]·|user's conversation|)",
        growth: "stateful",
      },
      { calls: "O(|qs|·steps[main/invoke#3])", input: "O(steps[main/invoke#3]²·|qs|·tool[main/invoke#3] + steps[main/invoke#3]²·|qs|·out[openai:gpt-4o] + |qs|·steps[main/invoke#3]·|q|)", growth: "output" },
      { calls: "O(|qs|·steps[main/invoke#4])", input: "O(steps[main/invoke#4]²·|qs|·tool[main/invoke#4] + steps[main/invoke#4]²·|qs|·out[openai:gpt-4o] + |qs|·steps[main/invoke#4]·|q|)", growth: "output" },
    ]);
  });
});
