// Shapes an eighth reader met (issue 17). Each test is a small program of the shape, with its exact sites and bounds.
import { expectSites } from "./analyze";

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
