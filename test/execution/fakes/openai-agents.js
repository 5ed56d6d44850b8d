// Fake of `@openai/agents`: new Agent({ name, instructions, model, tools, handoffs }) and
// run(agent, input, { maxTurns }). An agent without tools or handoffs answers in one turn: one
// request carrying its instructions and the input (a string, or input items with `content`).
// Agents with tools are not faked (their turns depend on the model's choices).
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

export async function run(agent, input, options = {}) {
  if (agent.tools.length || agent.handoffs.length) throw new Error("fake @openai/agents: agents with tools or handoffs are not faked");
  if (options.maxTurns !== undefined && options.maxTurns < 1) throw new Error("fake @openai/agents: MaxTurnsExceededError");
  const reply = await sendToHost({
    sdk: "@openai/agents",
    api: "run",
    model: agent.model,
    prompt: [...textsOf(agent.instructions), ...textsOf(input)],
    maxTokens: agent.modelSettings.maxTokens,
  });
  return { finalOutput: reply.text, newItems: [], state: {} };
}
