// Fake of `@openai/agents`: new Agent({ name, instructions, model, tools, handoffs }) and
// run(agent, input, { maxTurns }). An agent without tools or handoffs answers in one turn: one
// request carrying its instructions and the input (a string, or input items with `content`). So
// does one whose tools are all hosted (webSearchTool(), codeInterpreterTool(), hostedMcpTool(…)…):
// the provider runs them inside the response. Agents with function tools or handoffs are not faked
// (their turns depend on the model's choices). A result's `history` is its input items and the answer.
import { sendToHost, textsOf } from "./runtime.js";

/** The SDK's default model when an agent names none (a run's setting aside). */
export const DEFAULT_AGENT_MODEL = "gpt-4.1";

export class Agent {
  constructor(config) {
    this.name = config.name;
    this.instructions = config.instructions;
    this.model = config.model ?? DEFAULT_AGENT_MODEL;
    this.tools = config.tools ?? [];
    this.handoffs = config.handoffs ?? [];
    this.modelSettings = config.modelSettings ?? {};
  }
}

const hosted = (name) => (options = {}) => ({ type: "hosted_tool", name, providerData: { type: name, ...options } });
export const webSearchTool = hosted("web_search");
export const codeInterpreterTool = hosted("code_interpreter");
export const imageGenerationTool = hosted("image_generation");
export const fileSearchTool = (vectorStoreIds, options = {}) => hosted("file_search")({ vector_store_ids: vectorStoreIds, ...options });
export const hostedMcpTool = (options) => {
  if (options.requireApproval !== undefined && options.requireApproval !== "never") throw new Error("fake @openai/agents: MCP approvals are not faked");
  return hosted("hosted_mcp")(options);
};

/** `withTrace(name, fn, options)`: runs `fn` (the trace itself sends nothing). */
export async function withTrace(name, fn) {
  return fn();
}

export async function run(agent, input, options = {}) {
  if (agent.tools.some((t) => t.type !== "hosted_tool") || agent.handoffs.length) throw new Error("fake @openai/agents: agents with function tools or handoffs are not faked");
  if (options.maxTurns !== undefined && options.maxTurns < 1) throw new Error("fake @openai/agents: MaxTurnsExceededError");
  const reply = await sendToHost({
    sdk: "@openai/agents",
    api: "run",
    model: agent.model,
    prompt: [...textsOf(agent.instructions), ...textsOf(input)],
    maxTokens: agent.modelSettings.maxTokens,
  });
  const items = typeof input === "string" ? [{ role: "user", content: input }] : input;
  const history = [...items, { role: "assistant", content: reply.text }];
  return { finalOutput: reply.text, newItems: [], history, state: {} };
}
