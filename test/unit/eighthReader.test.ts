// Shapes an eighth reader met (issue 17). Each test is a small program of the shape, with its exact sites and bounds.
import * as assert from "node:assert/strict";
import { formatBound } from "../../src/core";
import { analyze, expectSites } from "./analyze";

describe("eighth reader: AgentKit's createRoutingAgent", () => {
  it("a routing agent made by createRoutingAgent answers each run in one request, as createAgent's does", () => {
    // agent-kit examples/use-agent/inngest/networks/customer-support-network.ts: a router asks its routing agent.
    expectSites(`import { createNetwork, createRoutingAgent, openai, type Network } from "@inngest/agent-kit";
const router = createRoutingAgent({
  name: "Support router",
  description: "Selects the next agent.",
  model: openai({ model: "gpt-5-nano" }),
  lifecycle: { onRoute: () => undefined },
});
const hybrid: Network.Router<any> = async ({ input, network }) => {
  if (network.state.data.invoked) return undefined;
  const result = await router.run(input, { network, model: router.model || network.defaultModel }); // @site
  return result ? undefined : undefined;
};
export function make() {
  return createNetwork({ name: "support", agents: [], maxIter: 10, defaultModel: openai({ model: "gpt-5-nano" }), router: hybrid });
}
export async function ask(q: string) {
  return router.run(q); // @site
}
`, [
      // The network's history handed in (`{ network }`) is priced only where the code appends to it, as for createAgent.
      { api: "@inngest/agent-kit run", model: "gpt-5-nano", calls: "Θ(1)", growth: "none", loops: "" },
      { api: "@inngest/agent-kit run", model: "gpt-5-nano", calls: "Θ(1)", input: "Θ(|q|)", growth: "none", loops: "" },
    ]);
  });
});

describe("eighth reader: a LlamaIndex chat engine's memory is cut to its token limit", () => {
  it("a chat loop's growing history is an upper bound on what each request sends, not Θ", () => {
    // LlamaIndexTS examples/rag/chatHistory.ts: `while (true)` SimpleChatEngine.chat with a memory (`getLLM(llm)`: ¾ of the context window).
    const code = `import { OpenAI } from "@llamaindex/openai";
import { createMemory, SimpleChatEngine } from "llamaindex";
declare function ask(): Promise<string>;
export async function main() {
  const llm = new OpenAI({ model: "gpt-3.5-turbo" });
  const chatHistory = createMemory([{ content: "You are a helpful assistant.", role: "system" }]);
  const chatEngine = new SimpleChatEngine({ llm });
  while (true) {
    const query = await ask();
    const reply = await chatEngine.chat({ message: query, chatHistory }); // @site
    if (!reply) break;
  }
}
`;
    expectSites(code, [
      { api: "llamaindex chat", model: null, calls: "O(T[main])", input: "O(T[main]²·|query| + T[main]²·out)", growth: "stateful", loops: "while@8:T[main]!" },
    ]);
    const [f] = analyze(code);
    assert.equal(formatBound(f!.inputPerCall, f!.rank), "O(T[main]·|query| + T[main]·out)");
    const told = f!.explanation.join("\n");
    assert.ok(told.includes("on every iteration of T[main] (line 8), cut to the memory's token limit (¾ of the model's context window, else 30000 tokens), so each request sends at most that: an upper bound"), told);
    assert.ok(told.includes("input summed over the iterations: Σ_{i<T[main]} (|query| + i·(|query| + out)) ≤ 1/2·T[main]²·|query|"), told);
    assert.ok(told.includes("generation summed over the requests: Σ m·(out·in + out(out−1)/2) ≤ 1/2·T[main]²·|query|·out·m"), told);
  });
});
