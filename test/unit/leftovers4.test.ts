// The fourth reader's leftovers (issue 17): AgentKit's own network loop, read inside the package.
// Each test is a small program of the shape, with its exact bounds, classes and growth.
import * as assert from "node:assert/strict";
import { costClass } from "../../src/core/report/costClass";
import { analyze, expectSites, summary } from "./analyze";
import { memoryProject, sitesOf } from "./project";

const AGENT_KIT = "/r/packages/agent-kit/src";

/** AgentKit 0.13.2's shape: `Agent` and `RoutingAgent` in agent.ts; the network keeps its agents in a `Map` and runs the one its router names. */
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
export class RoutingAgent<T> extends Agent<T> {}
export namespace Agent {
  export interface Constructor {
    name: string;
  }
}
`,
  [`${AGENT_KIT}/network.ts`]: `import { type Agent, RoutingAgent } from "./agent";
export class Network<T> {
  maxIter: number;
  protected _agents: Map<string, Agent<T>>;
  protected _stack: string[] = [];
  protected _counter = 0;
  constructor({ agents, maxIter }: { agents: Agent<T>[]; maxIter?: number }) {
    this._agents = new Map();
    for (const a of agents) this._agents.set(a.name, a);
    this.maxIter = maxIter || 0;
  }
}
export class NetworkRun<T> extends Network<T> {
${execute}
  private async route(router: RoutingAgent<T>, input: string): Promise<string[]> {
    const result = await router.run(input, { network: this });
    return result.output;
  }
}
`,
});

describe("leftovers of the fourth reader: AgentKit's own network loop (issue 17, place 8)", () => {
  it("the network's loop runs the agent its router names from a Map, while maxIter allows (0: no cap): unbounded, and the router's request each round", () => {
    // agent-kit packages/agent-kit/src/network.ts:597–721: before, nothing (the agent, typed by a
    // type-only import of agent.ts and taken from an inherited Map field, was not a client).
    const { project } = memoryProject(
      agentKit(`  async execute(input: string, router: RoutingAgent<T>) {
    this._stack.push(...(await this.route(router, input)));
    while (this._stack.length > 0 && (this.maxIter === 0 || this._counter < this.maxIter)) {
      const agentName = this._stack.shift();
      const agent = agentName && this._agents.get(agentName);
      if (!agent) return this;
      await agent.run(input, { network: this, maxIter: 0 });
      this._counter += 1;
      this._stack.push(...(await this.route(router, input)));
    }
    return this;
  }`),
    );
    const r = project.analyze(`${AGENT_KIT}/network.ts`);
    assert.deepEqual(
      r.findings.map((f) => ({ line: f.line, api: summary(f).api, calls: summary(f).calls, input: summary(f).input, loops: summary(f).loops, class: costClass(f) })),
      [
        // Each run is handed the network (`{ network: this }`), whose state this function did not make
        // empty: the history it already holds goes with every request (h-fixD).
        { line: 20, api: "@inngest/agent-kit run", calls: "O(T[NetworkRun.execute])", input: "O(T[NetworkRun.execute]·|input| + T[NetworkRun.execute]·|this.state|)", loops: "while@16:T[NetworkRun.execute]!", class: "unbounded" },
        { line: 22, api: "@inngest/agent-kit this.route() → run", calls: "O(T[NetworkRun.execute])", input: "O(T[NetworkRun.execute]·|input| + T[NetworkRun.execute]·|this.state|)", loops: "while@16:T[NetworkRun.execute]!", class: "unbounded" },
        // The router's own request (the call before the loop is counted there).
        { line: 27, api: "@inngest/agent-kit run", calls: "Θ(1)", input: "Θ(|input| + |this.state|)", loops: "", class: "constant" },
      ],
    );
  });

  it("a Map of strings and a project class named Map are not the agents", () => {
    const files = agentKit(`  async execute(input: string, names: Map<string, string>) {
    for (const k of [input, input]) {
      const n = names.get(k);
      if (n) await (n as any).run(input);
    }
  }`);
    files[`${AGENT_KIT}/other.ts`] = `import { Agent } from "./agent";
class Map<K, V> {
  get(k: K): V | undefined { return undefined; }
}
export async function f(m: Map<string, Agent<string>>, qs: string[]) {
  for (const q of qs) await m.get(q)?.run(q);
}
`;
    const { project } = memoryProject(files);
    assert.deepEqual(sitesOf(project, `${AGENT_KIT}/network.ts`, ["api"]), [{ line: 21, api: "@inngest/agent-kit run" }]);
    assert.deepEqual(sitesOf(project, `${AGENT_KIT}/other.ts`, ["api"]), []);
  });

  it("user code: a Map declared or made with a client as its values, read with get and through &&", () => {
    expectSites(`import OpenAI from "openai";
const made = new Map<string, OpenAI>();
export async function f(byName: Map<string, OpenAI>, qs: string[]) {
  for (const q of qs) {
    const c = q && byName.get(q);
    if (c) await c.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: q }] }); // @site
    await made.get(q)!.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: q }] }); // @site
  }
}
`, [
      { calls: "O(|qs|)", input: "O(|qs|·|q|)", growth: "none" },
      { calls: "Θ(|qs|)", input: "Θ(|qs|·|q|)", growth: "none" },
    ]);
    assert.equal(analyze(`import OpenAI from "openai";
export async function f(byName: Map<string, string>, qs: string[]) {
  for (const q of qs) await (byName.get(q) as any).chat.completions.create({ messages: [] });
}
`).length, 0);
  });
});

describe("leftovers of the fourth reader: a history carried from a result assigned inside a callback (issue 17, place 36)", () => {
  it("let result; withTrace(…, async () => { result = await run(agent, inputs) }); inputs = result.history; inputs.push(next): the history grows each turn", () => {
    // agents-js examples/agent-patterns/routing.ts:69. Before: input Θ(T·|result.history|) (linear, the
    // history an opaque size), output 0 (the run read as rewriting result), growth output.
    expectSites(`import { Agent, run, withTrace } from "@openai/agents";
const triage = new Agent({ name: "triage", instructions: "Route.", handoffs: [new Agent({ name: "fr", instructions: "French." })] });
export async function main(ask: () => Promise<string>) {
  let agent: Agent = triage;
  let inputs: any[] = [{ role: "user", content: await ask() }];
  while (true) {
    let result: any;
    await withTrace("Routing", async () => {
      result = await run(agent, inputs, { stream: true }); // @site
      await result.completed;
    });
    if (!result) throw new Error("No result");
    inputs = result.history;
    inputs.push({ role: "user", content: await ask() });
    agent = result.currentAgent ?? agent;
  }
}
`, [
      {
        calls: "O(steps[main/run]·T[main])",
        input: "O(T[main]²·steps[main/run]·|ask()| + steps[main/run]²·T[main]·tool[main/run] + T[main]²·steps[main/run]·out + steps[main/run]²·T[main]·out)",
        output: "O(steps[main/run]·T[main]·out)",
        growth: "output",
      },
    ]);
  });

  it("a result whose run does not read the history replaces it; a variable assigned two calls or a value that is no request holds no run's result", () => {
    expectSites(`import { Agent, run, withTrace } from "@openai/agents";
const a = new Agent({ name: "a", instructions: "Be brief." });
export async function main(qs: string[], other: () => Promise<{ history: string[] }>) {
  let inputs: any[] = [];
  for (const q of qs) {
    await run(a, inputs); // @site
    let fresh: any;
    await withTrace("t", async () => {
      fresh = await run(a, [q]); // @site
    });
    inputs = fresh.history;
    let either: any;
    if (q) either = await run(a, [q]); // @site
    else either = await run(a, [q, q]); // @site
    inputs = either.history;
    let notRun: any;
    notRun = await other();
    inputs = notRun.history;
  }
}
`, [
      // fresh.history: its run's [q] and answer; the other two are not read.
      { input: "Θ(|qs|·|either.history| + |qs|·|notRun.history| + |qs|·|q| + |qs|·out)", growth: "none" },
      { input: "Θ(|qs|·|q|)", growth: "none" },
      { input: "O(|qs|·|q|)", growth: "none" },
      { input: "O(|qs|·|q|)", growth: "none" },
    ]);
  });
});

describe("leftovers of the fourth reader: LlamaIndex's tree_summarize synthesizer (issue 17, place 20)", () => {
  it("similarityTopK caps refine's requests (one per chunk), not tree_summarize's nor an unread synthesizer's (a request per packed chunk per level)", () => {
    // Before: all three read "at most 50 steps"; tree_summarize over 50 chunks that each fill the
    // window sends 50 requests, then more for their summaries.
    const [tree, unread, refine] = analyze(`import { VectorStoreIndex, getResponseSynthesizer } from "llamaindex";
export async function main(docs: any[], q: string, synth: any) {
  const index = await VectorStoreIndex.fromDocuments(docs);
  await index.asQueryEngine({ similarityTopK: 50, responseSynthesizer: getResponseSynthesizer("tree_summarize") }).query({ query: q });
  await index.asQueryEngine({ similarityTopK: 50, responseSynthesizer: synth }).query({ query: q });
  await index.asQueryEngine({ similarityTopK: 50, responseSynthesizer: getResponseSynthesizer("refine") }).query({ query: q });
}
`);
    assert.deepEqual(
      [tree!, unread!, refine!].map((f) => [summary(f).calls, costClass(f), f.explanation.some((l) => l.includes("at most 50 steps"))]),
      [
        ["O(steps[main/query])", "unbounded", false],
        ["O(steps[main/query#2])", "unbounded", false],
        ["O(steps[main/query#3])", "quadratic", true],
      ],
    );
    assert.match(tree!.explanation.join("\n"), /tree_summarize synthesizer \(or one not read\) summarizes the retrieved chunks a level at a time/);
  });
});
