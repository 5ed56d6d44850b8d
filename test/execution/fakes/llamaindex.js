// Fake of `@llamaindex/workflow`'s agent({ llm, tools }) and `@llamaindex/openai`'s openai({ model, maxTokens }):
// run(message, { state }) continues from the state it is handed (LlamaIndexTS agent-workflow.ts runStream:
// `params?.state ?? this.createInitialState()`), whose memory holds every earlier message; the run adds the user
// message, sends the memory, and keeps the answer there. Without tools, one request a run; the fake's tools
// are never called (a run with tools answers at once too, which only undercounts a real run's steps).
import { sendToHost } from "./runtime.js";

export function openai(options = {}) {
  return { model: options.model, maxTokens: options.maxTokens };
}

export function agent({ llm, systemPrompt } = {}) {
  const runOnce = async (message, params = {}) => {
    const state = params.state ?? { memory: [] };
    state.memory.push(String(message));
    const reply = await sendToHost({ sdk: "@llamaindex", api: "run", model: llm.model, prompt: [...(systemPrompt ? [systemPrompt] : []), ...state.memory], maxTokens: llm.maxTokens });
    state.memory.push(reply.text);
    return { data: { result: reply.text, message: { role: "assistant", content: reply.text }, state } };
  };
  return { run: runOnce };
}

// The classic agents of `llamaindex` (its deprecated `agent/` classes, read in a stored copy of their source): `new OpenAI({ model,
// maxTokens })` is the LLM; an agent with no tools answers each `chat({ message })` in one request with its whole history. The
// context-aware agent first retrieves (`contextRetriever.retrieve({ query })`, no LLM request) and prepends the nodes' text to the
// system message, which keeps it: each later message sends every context before its own (kept here as separate texts).
export class OpenAI {
  constructor(options = {}) {
    this.model = options.model;
    this.maxTokens = options.maxTokens;
  }
}

export class OpenAIAgent {
  constructor({ llm, systemPrompt } = {}) {
    this.llm = llm;
    this.system = systemPrompt ? [systemPrompt] : [];
    this.history = [];
  }
  async chat({ message }) {
    this.history.push(String(message));
    const reply = await sendToHost({ sdk: "llamaindex", api: "chat", model: this.llm.model, prompt: [...this.system, ...this.history], maxTokens: this.llm.maxTokens });
    this.history.push(reply.text);
    return { response: reply.text };
  }
}

export class OpenAIContextAwareAgent extends OpenAIAgent {
  constructor(params) {
    super(params);
    this.contextRetriever = params.contextRetriever;
  }
  async chat(params) {
    const nodes = await this.contextRetriever.retrieve({ query: params.message });
    this.system.unshift(nodes.map((n) => n.node.getContent()).join("\n"));
    return super.chat(params);
  }
}
