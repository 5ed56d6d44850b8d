// Fake of the `ollama` JS client: default export instance, plus the Ollama class;
// chat({model, messages, options:{num_predict}}) and generate({model, prompt, system, options}).
import { sendToHost, textsOf } from "./runtime.js";

export class Ollama {
  constructor(config = {}) {
    this.host = config.host ?? "http://127.0.0.1:11434";
  }

  async chat(request) {
    const reply = await sendToHost({
      sdk: "ollama",
      api: "chat",
      model: request.model,
      prompt: textsOf(request.messages),
      maxTokens: request.options?.num_predict,
    });
    return {
      model: request.model,
      created_at: new Date(0),
      message: { role: "assistant", content: reply.text },
      done: true,
      done_reason: reply.truncated ? "length" : "stop",
      prompt_eval_count: reply.inputTokens,
      eval_count: reply.outputTokens,
    };
  }

  async generate(request) {
    const reply = await sendToHost({
      sdk: "ollama",
      api: "generate",
      model: request.model,
      prompt: [...textsOf(request.system), ...textsOf(request.prompt)],
      maxTokens: request.options?.num_predict,
    });
    return {
      model: request.model,
      created_at: new Date(0),
      response: reply.text,
      done: true,
      done_reason: reply.truncated ? "length" : "stop",
      context: [],
      prompt_eval_count: reply.inputTokens,
      eval_count: reply.outputTokens,
    };
  }
}

const ollama = new Ollama();
export default ollama;
