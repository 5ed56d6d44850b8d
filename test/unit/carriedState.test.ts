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
      { calls: "O(|qs|·steps[main/run#2])", growth: "output" },
      { calls: "O(|qs|·steps[main/run#3])", growth: "output" },
    ]);
  });
});
