// An AgentKit run handed a network or a state its function did not make empty (fixD): `agent.run` sends
// `prompt.concat(s.formatHistory())` with `s = state || network?.state` (agent.ts:212, 303, 443 of 0.13.x), so the
// history that state already holds (its messages and every result appended before) goes with the run.
import * as assert from "node:assert/strict";
import { analyze, expectSites, summary } from "./analyze";

describe("AgentKit: the history a handed network or state already holds goes with each run (fixD)", () => {
  it("a router given the network as a parameter (agent-kit customer-support-network.ts:230): the network state's history is part of the input (before: Θ(|input|))", () => {
    expectSites(`import { createRoutingAgent, type Network } from "@inngest/agent-kit";
const router = createRoutingAgent({ name: "router", system: "Route." });
export const hybridRouter = async ({ input, network }: { input: string; network: Network }) => {
  const result = await router.run(input, { network }); // @site
  return result;
};
`, [{ calls: "Θ(1)", input: "Θ(|input| + |network.state|)", growth: "none" }]);
  });

  it("a state parameter, another function's network and a module's network carry their history; one made empty in the function does not", () => {
    expectSites(`import { createAgent, createNetwork, State } from "@inngest/agent-kit";
const writer = createAgent({ name: "writer", system: "Write." });
const shared = createNetwork({ name: "shared", agents: [writer] });
export async function withState(q: string, state: State) {
  return writer.run(q, { state }); // @site
}
export async function withShared(q: string) {
  return writer.run(q, { network: shared }); // @site
}
export async function fresh(q: string) {
  const network = createNetwork({ name: "n", agents: [writer] });
  const state = new State();
  await writer.run(q, { state }); // @site
  return writer.run(q, { network }); // @site
}
`, [
      { calls: "Θ(1)", input: "Θ(|q| + |state|)", growth: "none" },
      { calls: "Θ(1)", input: "Θ(|q| + |shared.state|)", growth: "none" },
      { calls: "Θ(1)", input: "Θ(|q|)", growth: "none" },
      { calls: "Θ(1)", input: "Θ(|q|)", growth: "none" },
    ]);
  });

  it("made in the function but given messages, a default state, a result appended before the run, or made by a function of the code's: its history counts", () => {
    expectSites(`import { createAgent, createNetwork, State } from "@inngest/agent-kit";
const writer = createAgent({ name: "writer", system: "Write." });
function makeDesk() {
  return createNetwork({ name: "desk", agents: [writer] });
}
export async function given(q: string, ms: string[], first: unknown) {
  const desk = makeDesk();
  await writer.run(q, { network: desk }); // @site
  const state = new State({ messages: ms });
  await writer.run(q, { state }); // @site
  const network = createNetwork({ name: "n", agents: [writer], defaultState: state });
  await writer.run(q, { network }); // @site
  const appended = new State();
  appended.appendResult(first);
  return writer.run(q, { state: appended }); // @site
}
`, [
      { calls: "Θ(1)", input: "Θ(|desk.state| + |q|)", growth: "none" },
      { calls: "Θ(1)", input: "Θ(|q| + |state|)", growth: "none" },
      { calls: "Θ(1)", input: "Θ(|network.state| + |q|)", growth: "none" },
      { calls: "Θ(1)", input: "Θ(|appended| + |q|)", growth: "none" },
    ]);
  });

  it("a handed network appended to in the loop: each run sends the history it came with and the results before it", () => {
    const [run] = analyze(`import { createAgent, type Network } from "@inngest/agent-kit";
const writer = createAgent({ name: "writer", system: "Write." });
export async function f(qs: string[], network: Network) {
  for (const q of qs) {
    const r = await writer.run(q, { network });
    network.state.appendResult(r);
  }
}
`);
    const s = summary(run!);
    assert.deepEqual({ line: run!.line, calls: s.calls, input: s.input, growth: s.growth }, { line: 5, calls: "Θ(|qs|)", input: "Θ(|qs|²·tool[f/run] + |qs|²·out + |qs|·|network.state| + |qs|·|q|)", growth: "stateful" });
    assert.ok(
      run!.explanation.includes("the network state's history (every result appendResult added: its answer and the results of its tools) goes with each agent run: network.state is not made empty here, so the history it already holds (|network.state|) goes with each run"),
      run!.explanation.join("\n"),
    );
  });
});
