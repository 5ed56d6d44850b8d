// Fake of `@langchain/openai`: new ChatOpenAI({ model, maxTokens }) with invoke(input) — a string,
// message objects or classes, or [role, content] pairs — answering an AIMessage, and
// batch(inputs, { maxConcurrency }) sending one request per input.
import { AIMessage } from "./langchain-messages.js";
import { sendToHost, textsOf } from "./runtime.js";

/** The prompt strings of a LangChain chat input. */
export function chatTexts(input) {
  if (Array.isArray(input)) return input.flatMap((m) => (Array.isArray(m) ? textsOf(m[1]) : textsOf(m)));
  return textsOf(input);
}

export class ChatOpenAI {
  constructor(fields = {}) {
    this.model = fields.model ?? fields.modelName ?? "gpt-3.5-turbo";
    this.maxTokens = fields.maxTokens;
  }

  async invoke(input) {
    const reply = await sendToHost({ sdk: "@langchain", api: "invoke", model: this.model, prompt: chatTexts(input), maxTokens: this.maxTokens });
    return new AIMessage(reply.text);
  }

  async batch(inputs) {
    return Promise.all(inputs.map((input) => this.invoke(input)));
  }
}
