// Fake of `@inngest/agent-kit` 0.13.2: createAgent({ name, system, model, tools }) and createRoutingAgent, createTool({ name, handler }),
// createNetwork({ agents, defaultModel }) with its `state`, new State() with appendResult(result). As agent.ts's run:
// one inference (maxIter 0) over the system prompt, the input and the state's history (`formatHistory`: each
// appended result's output and tool-call results), then the tools the model called run and their results join
// the run's result. The fake model calls the agent's first tool, if any, passing its reply; `model` is a string.
import { sendToHost, textsOf } from "./runtime.js";

export class State {
  constructor(options = {}) {
    this._messages = options.messages ?? [];
    this._results = options.results ?? [];
  }
  get results() {
    return this._results.slice();
  }
  formatHistory() {
    return [...textsOf(this._messages), ...this._results.flatMap((r) => [...r.output, ...r.toolCalls.map((c) => c.content)])];
  }
  appendResult(result) {
    this._results.push(result);
  }
}

class Agent {
  constructor(config) {
    this.name = config.name;
    this.system = config.system;
    this.model = config.model;
    this.tools = config.tools ?? [];
  }

  async run(input, options = {}) {
    const state = options.state ?? options.network?.state ?? new State();
    const reply = await sendToHost({
      sdk: "@inngest/agent-kit",
      api: "run",
      model: this.model ?? options.network?.defaultModel,
      prompt: [...textsOf(this.system), ...textsOf(input), ...state.formatHistory()],
    });
    const toolCalls = [];
    if (this.tools[0]) toolCalls.push({ tool: this.tools[0].name, content: String(await this.tools[0].handler({ input: reply.text })) });
    return { agentName: this.name, output: [reply.text], toolCalls };
  }
}

export function createAgent(config) {
  return new Agent(config);
}

// agent.ts: `createRoutingAgent(opts)` is `new RoutingAgent(opts)`, an Agent whose run is the same inference.
export function createRoutingAgent(config) {
  return new Agent(config);
}

export function createTool(definition) {
  return definition;
}

export function createNetwork(config) {
  return { name: config.name, agents: config.agents, defaultModel: config.defaultModel, state: new State() };
}
