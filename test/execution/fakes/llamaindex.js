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
