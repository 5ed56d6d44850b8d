// Fake of `@google/genai`: new GoogleGenAI({apiKey}) with models.generateContent({model, contents,
// config: {systemInstruction, maxOutputTokens}}) (and generateContentStream, one chunk) and chats.create({model, history, config}) →
// chat.sendMessage({message, config}). A chat keeps its history (user and model turns) and sends
// all of it with every message, as the SDK's Chat does, so each call is billed for the whole
// conversation so far.
import { sendToHost, textsOf } from "./runtime.js";

/** The user turn of a sendMessage / generateContent argument (string, Part, Part[] or Content). */
function userContent(message) {
  if (typeof message === "string") return { role: "user", parts: [{ text: message }] };
  if (Array.isArray(message)) return { role: "user", parts: message.map((p) => (typeof p === "string" ? { text: p } : p)) };
  if (message && typeof message === "object" && "parts" in message) return { role: message.role ?? "user", parts: message.parts };
  return { role: "user", parts: [message] };
}

function contentsOf(contents) {
  if (contents === undefined || contents === null) return [];
  if (Array.isArray(contents) && contents.every((c) => c && typeof c === "object" && "parts" in c)) return contents;
  return [userContent(contents)];
}

function request(api, model, contents, config) {
  return sendToHost({
    sdk: "@google/genai",
    api,
    model: String(model).replace(/^models\//, ""),
    prompt: [...textsOf(config?.systemInstruction), ...textsOf(contents)],
    maxTokens: config?.maxOutputTokens,
  });
}

function response(reply) {
  const content = { role: "model", parts: [{ text: reply.text }] };
  return {
    candidates: [{ content, finishReason: reply.truncated ? "MAX_TOKENS" : "STOP", index: 0 }],
    usageMetadata: { promptTokenCount: reply.inputTokens, candidatesTokenCount: reply.outputTokens, totalTokenCount: reply.inputTokens + reply.outputTokens },
    get text() {
      return reply.text;
    },
  };
}

class Models {
  async generateContent(params) {
    return response(await request("models.generateContent", params.model, contentsOf(params.contents), params.config));
  }

  /** The answer as a stream of one chunk (the request is billed once, as generateContent's). */
  async generateContentStream(params) {
    const answer = response(await request("models.generateContentStream", params.model, contentsOf(params.contents), params.config));
    return (async function* () {
      yield answer;
    })();
  }
}

export class Chat {
  constructor(model, config, history) {
    this.model = model;
    this.config = config;
    this.history = history;
  }

  async sendMessage(params) {
    const turn = userContent(params.message);
    // Issued synchronously (the real Chat first awaits the previous send; calls here are sequential).
    const pending = request("chat.sendMessage", this.model, [...this.history, turn], { ...this.config, ...params.config });
    const reply = await pending;
    const result = response(reply);
    this.history.push(turn, result.candidates[0].content);
    return result;
  }

  getHistory() {
    return this.history.slice();
  }
}

class Chats {
  create(params) {
    return new Chat(params.model, params.config ?? {}, [...(params.history ?? [])]);
  }
}

export class GoogleGenAI {
  constructor(options = {}) {
    this.apiKey = options.apiKey;
    this.models = new Models();
    this.chats = new Chats();
  }
}
