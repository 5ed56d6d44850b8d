// Fake of the Vercel AI SDK (`ai`): generateText({model, system|instructions, prompt|messages,
// maxOutputTokens|maxTokens}). `model` is a provider model object (see ai-sdk-openai.js) or a
// gateway string such as "openai/gpt-4o".
import { sendToHost, textsOf } from "./runtime.js";

function modelIdOf(model) {
  if (typeof model === "string") return model.includes("/") ? model.slice(model.indexOf("/") + 1) : model;
  return model.modelId;
}

export async function generateText(options) {
  const reply = await sendToHost({
    sdk: "ai",
    api: "generateText",
    model: modelIdOf(options.model),
    prompt: [...textsOf(options.system), ...textsOf(options.instructions), ...textsOf(options.prompt), ...textsOf(options.messages)],
    maxTokens: options.maxOutputTokens ?? options.maxTokens,
  });
  const assistant = { role: "assistant", content: [{ type: "text", text: reply.text }] };
  const usage = { inputTokens: reply.inputTokens, outputTokens: reply.outputTokens, totalTokens: reply.inputTokens + reply.outputTokens };
  return {
    text: reply.text,
    finishReason: reply.truncated ? "length" : "stop",
    usage,
    totalUsage: usage,
    steps: [],
    toolCalls: [],
    toolResults: [],
    response: { id: "fake", modelId: modelIdOf(options.model), messages: [assistant] },
    responseMessages: [assistant],
  };
}
