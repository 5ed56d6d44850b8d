// Fake of the `openai` package (v4–v7 call shapes): chat.completions.create, responses.create,
// legacy completions.create. Returns the same shapes the real SDK returns (the fields agent code reads).
// responses.create keeps stored responses, so previous_response_id chains are billed whole.
import { sendToHost, textsOf, fakeId } from "./runtime.js";

class ChatCompletions {
  async create(params) {
    const reply = await sendToHost({
      sdk: "openai",
      api: "chat.completions.create",
      model: params.model,
      prompt: textsOf(params.messages),
      maxTokens: params.max_completion_tokens ?? params.max_tokens,
    });
    return {
      id: fakeId("chatcmpl"),
      object: "chat.completion",
      created: 0,
      model: params.model,
      choices: [
        {
          index: 0,
          message: { role: "assistant", content: reply.text, refusal: null },
          finish_reason: reply.truncated ? "length" : "stop",
          logprobs: null,
        },
      ],
      usage: { prompt_tokens: reply.inputTokens, completion_tokens: reply.outputTokens, total_tokens: reply.inputTokens + reply.outputTokens },
    };
  }
}

// Server-side conversation state of the Responses API: a stored response (store defaults to
// true) keeps its input items and its output, and a request with previous_response_id is billed
// for that whole chain again as input, before its own instructions and input. Instructions are
// not carried over from the previous response (as documented for previous_response_id).
const storedResponses = new Map();

class Responses {
  async create(params) {
    let chain = [];
    if (params.previous_response_id !== undefined && params.previous_response_id !== null) {
      chain = storedResponses.get(params.previous_response_id);
      if (!chain) throw new Error(`fake OpenAI: 404 Previous response with id '${params.previous_response_id}' not found.`);
    }
    const input = textsOf(params.input);
    const reply = await sendToHost({
      sdk: "openai",
      api: "responses.create",
      model: params.model,
      prompt: [...chain, ...textsOf(params.instructions), ...input],
      maxTokens: params.max_output_tokens,
    });
    const id = fakeId("resp");
    if (params.store !== false) storedResponses.set(id, [...chain, ...input, reply.text]);
    return {
      id,
      object: "response",
      model: params.model,
      previous_response_id: params.previous_response_id ?? null,
      status: reply.truncated ? "incomplete" : "completed",
      output_text: reply.text,
      output: [{ type: "message", role: "assistant", content: [{ type: "output_text", text: reply.text, annotations: [] }] }],
      usage: { input_tokens: reply.inputTokens, output_tokens: reply.outputTokens, total_tokens: reply.inputTokens + reply.outputTokens },
    };
  }
}

class Completions {
  async create(params) {
    const reply = await sendToHost({
      sdk: "openai",
      api: "completions.create",
      model: params.model,
      prompt: textsOf(params.prompt),
      maxTokens: params.max_tokens,
    });
    return {
      id: fakeId("cmpl"),
      object: "text_completion",
      model: params.model,
      choices: [{ index: 0, text: reply.text, finish_reason: reply.truncated ? "length" : "stop", logprobs: null }],
      usage: { prompt_tokens: reply.inputTokens, completion_tokens: reply.outputTokens, total_tokens: reply.inputTokens + reply.outputTokens },
    };
  }
}

export class OpenAI {
  constructor(options = {}) {
    this.apiKey = options.apiKey ?? "sk-fake";
    this.chat = { completions: new ChatCompletions() };
    this.responses = new Responses();
    this.completions = new Completions();
  }
}

export default OpenAI;
