// Fake of `@mastra/core` (and `@mastra/core/agent`): new Agent({ name, instructions, model, tools,
// defaultOptions: { maxSteps } }) with generate(input, { maxSteps, modelSettings: { maxOutputTokens } }),
// and new Mastra({ agents }) with getAgent(name) and getAgentById(id). `model` is a provider
// model (see ai-sdk-openai.js). Each step sends the instructions, the input and every earlier
// step's reply; the fake model calls the agent's first tool on each step (the tool's result is
// added as text) until maxSteps, so an agent without tools makes one request per generate.
import { sendToHost, textsOf } from "./runtime.js";

export class Agent {
  constructor(config) {
    this.id = config.id;
    this.name = config.name;
    this.instructions = config.instructions;
    this.model = config.model;
    this.tools = config.tools ?? {};
    this.defaultMaxSteps = config.defaultOptions?.maxSteps;
  }

  async generate(input, options = {}) {
    const toolName = Object.keys(this.tools)[0];
    const maxSteps = toolName ? (options.maxSteps ?? this.defaultMaxSteps ?? 5) : 1;
    const earlier = [];
    let text = "";
    for (let step = 0; step < maxSteps; step++) {
      const reply = await sendToHost({
        sdk: "@mastra/core",
        api: "generate",
        model: this.model.modelId,
        prompt: [...textsOf(this.instructions), ...textsOf(input), ...earlier],
        maxTokens: options.modelSettings?.maxOutputTokens,
      });
      text = reply.text;
      earlier.push(reply.text);
      if (!toolName || step === maxSteps - 1) break;
      const result = await this.tools[toolName].execute({ context: { input: reply.text } });
      if (typeof result === "string" && result) earlier.push(result);
    }
    return { text, steps: [] };
  }
}

export class Mastra {
  constructor(config) {
    this.agents = config.agents ?? {};
  }
  getAgent(name) {
    return this.agents[name];
  }
  getAgentById(id) {
    return Object.values(this.agents).find((a) => a.id === id);
  }
}

export function createTool(definition) {
  return definition;
}
