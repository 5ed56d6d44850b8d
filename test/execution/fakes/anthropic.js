// Fake of `@anthropic-ai/sdk`: messages.create({model, max_tokens, system, messages}).
import { sendToHost, textsOf, fakeId } from "./runtime.js";

class Messages {
  async create(params) {
    if (typeof params.max_tokens !== "number") throw new Error("fake Anthropic: max_tokens is required");
    // As the API answers 400: a conversation starts with a user turn (a trimmed history must too).
    if (params.messages?.[0]?.role !== "user") throw new Error('fake Anthropic: 400 messages: first message must use the "user" role');
    const reply = await sendToHost({
      sdk: "@anthropic-ai/sdk",
      api: "messages.create",
      model: params.model,
      prompt: [...textsOf(params.system), ...textsOf(params.messages)],
      maxTokens: params.max_tokens,
    });
    return {
      id: fakeId("msg"),
      type: "message",
      role: "assistant",
      model: params.model,
      content: [{ type: "text", text: reply.text }],
      stop_reason: reply.truncated ? "max_tokens" : "end_turn",
      stop_sequence: null,
      usage: { input_tokens: reply.inputTokens, output_tokens: reply.outputTokens },
    };
  }
}

export class Anthropic {
  constructor(options = {}) {
    this.apiKey = options.apiKey ?? "sk-ant-fake";
    this.messages = new Messages();
  }
}

export default Anthropic;
