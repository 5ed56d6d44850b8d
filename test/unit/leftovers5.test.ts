// The last partly-right places of issue 17 (h-left5): AgentKit's network history, Managed Agents sessions.
// Each test is a small program of the shape, with its exact bounds, classes and growth.
import * as assert from "node:assert/strict";
import { costClass } from "../../src/core/report/costClass";
import { analyze, expectSites, summary } from "./analyze";
import { memoryProject } from "./project";

const AGENT_KIT = "/r/packages/agent-kit/src";

/** AgentKit 0.13.2's shape: the network keeps a State whose appendResult the network's loop calls after each agent's run. */
const agentKit = (execute: string): Record<string, string> => ({
  [`${AGENT_KIT}/agent.ts`]: `import { NetworkRun } from "./network";
export class Agent<T> {
  name: string;
  constructor(opts: { name: string }) {
    this.name = opts.name;
  }
  async run(input: string, opts: { network?: NetworkRun<T>; maxIter?: number } = {}): Promise<{ output: string[] }> {
    return { output: [input] };
  }
}
`,
  [`${AGENT_KIT}/state.ts`]: `export class State<T> {
  private _results: unknown[] = [];
  appendResult(call: unknown) {
    this._results.push(call);
  }
}
`,
  [`${AGENT_KIT}/network.ts`]: `import { type Agent } from "./agent";
import { State } from "./state";
export class Network<T> {
  maxIter: number;
  state: State<T>;
  protected _agents: Map<string, Agent<T>>;
  protected _stack: string[] = [];
  protected _counter = 0;
  constructor({ agents, maxIter }: { agents: Agent<T>[]; maxIter?: number }) {
    this._agents = new Map();
    for (const a of agents) this._agents.set(a.name, a);
    this.maxIter = maxIter || 0;
    this.state = new State();
  }
}
export class NetworkRun<T> extends Network<T> {
${execute}
}
`,
});

describe("AgentKit: the network state's history each agent run sends (issue 17, fourth reader 8)", () => {
  it("NetworkRun.execute appends each run's result to this.state, which the next run sends: quadratic input in the rounds, growth stateful", () => {
    // agent-kit network.ts:684 (agent.run(inputContent, { network: this, maxIter: 0 })) and :701
    // (this.state.appendResult(call)); agent.ts:303 sends s.formatHistory(). Before: input Θ(T·|input|), growth none.
    const { project } = memoryProject(
      agentKit(`  async execute(input: string) {
    while (this._stack.length > 0 && (this.maxIter === 0 || this._counter < this.maxIter)) {
      const agentName = this._stack.shift();
      const agent = agentName && this._agents.get(agentName);
      if (!agent) return this;
      const call = await agent.run(input, { network: this, maxIter: 0 });
      this._counter += 1;
      this.state.appendResult(call);
    }
    return this;
  }`),
    );
    const [run] = project.analyze(`${AGENT_KIT}/network.ts`).findings;
    const s = summary(run!);
    assert.deepEqual(
      { line: run!.line, api: s.api, calls: s.calls, input: s.input, growth: s.growth, loops: s.loops, class: costClass(run!) },
      {
        line: 22,
        api: "@inngest/agent-kit run",
        calls: "O(T[NetworkRun.execute])",
        input: "O(T[NetworkRun.execute]²·tool[NetworkRun.execute/run] + T[NetworkRun.execute]²·out + T[NetworkRun.execute]·|input| + T[NetworkRun.execute]·|this.state|)",
        growth: "stateful",
        loops: "while@18:T[NetworkRun.execute]!",
        class: "unbounded",
      },
    );
    assert.ok(
      run!.explanation.includes(
        "the network state's history (every result appendResult added: its answer and the results of its tools) goes with each agent run: the billed input grows by each run's answer and the results of the tools it ran (tool[NetworkRun.execute/run]), appended on every iteration of T[NetworkRun.execute] (line 18)",
      ),
      run!.explanation.join("\n"),
    );
  });

  it("the same loop with no appendResult sends the same history each round: linear", () => {
    const { project } = memoryProject(
      agentKit(`  async execute(input: string) {
    while (this._stack.length > 0) {
      const agent = this._agents.get(this._stack.shift()!);
      if (!agent) return this;
      await agent.run(input, { network: this, maxIter: 0 });
    }
    return this;
  }`),
    );
    const [run] = project.analyze(`${AGENT_KIT}/network.ts`).findings;
    assert.deepEqual({ input: summary(run!).input, growth: summary(run!).growth }, { input: "O(T[NetworkRun.execute]·|input| + T[NetworkRun.execute]·|this.state|)", growth: "none" });
  });

  it("user code: appendResult on the network's state, or on the state handed in, grows what each run sends; a run not appended, or appended to another state, does not", () => {
    expectSites(`import { createAgent, createNetwork, State } from "@inngest/agent-kit";
const writer = createAgent({ name: "writer", system: "Write." });
export async function f(qs: string[]) {
  const network = createNetwork({ name: "n", agents: [writer] });
  for (const q of qs) {
    const r = await writer.run(q, { network }); // @site
    network.state.appendResult(r);
  }
  for (const q of qs) await writer.run(q, { network }); // @site
  const state = new State();
  for (const q of qs) {
    const r = await writer.run(q, { state }); // @site
    state.appendResult(r);
  }
  const other = new State();
  for (const q of qs) {
    const r = await writer.run(q, { state }); // @site
    other.appendResult(r);
  }
}
`, [
      { calls: "Θ(|qs|)", input: "Θ(|qs|²·tool[f/run] + |qs|²·out + |qs|·|q|)", growth: "stateful" },
      // The network and the state were appended to in the loop before: the history they hold goes with each run (fixD).
      { calls: "Θ(|qs|)", input: "Θ(|qs|·|network.state| + |qs|·|q|)", growth: "none" },
      { calls: "Θ(|qs|)", input: "Θ(|qs|²·tool[f/run#3] + |qs|²·out + |qs|·|q|)", growth: "stateful" },
      { calls: "Θ(|qs|)", input: "Θ(|qs|·|q| + |qs|·|state|)", growth: "none" },
    ]);
    const classes = analyze(`import { createAgent, createNetwork } from "@inngest/agent-kit";
const writer = createAgent({ name: "writer" });
export async function f(qs: string[]) {
  const network = createNetwork({ name: "n", agents: [writer] });
  for (const q of qs) network.state.appendResult(await writer.run(q, { network }));
}
`).map((f) => costClass(f));
    assert.deepEqual(classes, ["quadratic"]);
  });
});

describe("AgentKit: the routing agent's request through helper methods carries the network history's growth (growth13)", () => {
  /** NetworkRun.execute's loop: the agent's run appended to this.state, then the router asked through two helpers (network.ts:721 → :875). */
  const routed = (loop: string, route = "this.getNextAgents(input)"): string =>
    agentKit(`  router?: Agent<T>;
  async execute(input: string) {
    while (this._stack.length > 0) {
      const agent = this._agents.get(this._stack.shift()!);
      if (!agent) return this;
${loop}
      const next = await ${route};
      for (const a of next) this._stack.push(a.name);
    }
    return this;
  }
  private async getNextAgents(input: string): Promise<Agent<T>[]> {
    if (!this.router) return [];
    return this.getNextAgentsViaRoutingAgent(this.router, input);
  }
  private async getNextAgentsViaRoutingAgent(routingAgent: Agent<T>, input: string): Promise<Agent<T>[]> {
    await routingAgent.run(input, { network: this });
    return [];
  }`)[`${AGENT_KIT}/network.ts`]!;
  const sitesOf = (network: string) => {
    const files = agentKit("");
    files[`${AGENT_KIT}/network.ts`] = network;
    const { project } = memoryProject(files);
    return project.analyze(`${AGENT_KIT}/network.ts`).findings.map((f) => ({ line: f.line, input: summary(f).input, growth: summary(f).growth }));
  };

  it("this.getNextAgents(input) after this.state.appendResult(call) in the loop: the router's request sends the results before it, quadratic (before: linear, growth none)", () => {
    const network = routed(`      const call = await agent.run(input, { network: this, maxIter: 0 });
      this.state.appendResult(call);`);
    assert.deepEqual(sitesOf(network), [
      { line: 22, input: "O(T[NetworkRun.execute]²·tool[NetworkRun.execute/run] + T[NetworkRun.execute]²·out + T[NetworkRun.execute]·|input| + T[NetworkRun.execute]·|this.state|)", growth: "stateful" },
      { line: 24, input: "O(T[NetworkRun.execute]²·tool[NetworkRun.execute/run] + T[NetworkRun.execute]²·out + T[NetworkRun.execute]·|input| + T[NetworkRun.execute]·|this.state|)", growth: "stateful" },
      // The routing agent's own request, one a call of its helper (counted at line 24); this.state may hold a history before the loop (fixD).
      { line: 34, input: "Θ(|input| + |this.state|)", growth: "none" },
    ]);
  });

  it("no appendResult in the loop, or the router asked on another network, carries nothing", () => {
    assert.deepEqual(sitesOf(routed(`      await agent.run(input, { network: this, maxIter: 0 });`)).map((s) => s.growth), ["none", "none", "none"]);
    const other = routed(`      const call = await agent.run(input, { network: this, maxIter: 0 });
      this.state.appendResult(call);`, "this.peer.getNextAgents(input)").replace("  router?: Agent<T>;", "  router?: Agent<T>;\n  peer!: NetworkRun<T>;");
    assert.deepEqual(sitesOf(other).map((s) => [s.line, s.growth]), [[23, "stateful"], [25, "none"], [35, "none"]]);
  });
});

describe("an answer held in a variable declared before the loop (h-left5)", () => {
  it("let response; response = await create({ messages }); messages.push(response's message): the history grows by the answers, the output is counted", () => {
    // Before: output 0, input Θ(|questions|²·|q|), growth rewrite: the answer was read as rewriting
    // `response` because its old value reaches the prompt through the history.
    expectSites(`import OpenAI from "openai";
const client = new OpenAI();
export async function converse(questions: string[]) {
  const messages: any[] = [];
  let response: any;
  for (const q of questions) {
    messages.push({ role: "user", content: q });
    response = await client.chat.completions.create({ model: "gpt-4o-mini", messages }); // @site
    messages.push(response.choices[0].message);
  }
}
`, [{ calls: "Θ(|questions|)", input: "Θ(|questions|²·|q| + |questions|²·out[gpt-4o-mini])", output: "Θ(|questions|·out[gpt-4o-mini])", growth: "output" }]);
  });

  it("a variable rewritten from its own value (or through a copy that is not a history) stays a rewrite", () => {
    expectSites(`import OpenAI from "openai";
const client = new OpenAI();
export async function refine(steps: string[], draft: string) {
  let result = draft;
  for (const step of steps) {
    result = (await client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: step + result }] })).choices[0].message.content!; // @site
  }
  let text = draft;
  for (const step of steps) {
    const prompt = step + text;
    text = (await client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: prompt }] })).choices[0].message.content!; // @site
  }
}
`, [{ growth: "rewrite" }, { growth: "rewrite" }]);
  });
});
