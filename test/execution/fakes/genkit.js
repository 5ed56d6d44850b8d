// Fake of genkit 1.x: genkit({ plugins }) with generate({ model, system, messages, prompt, tools, maxTurns,
// config: { maxOutputTokens } }) and defineTool(config, fn); generate({…}) of `@genkit-ai/ai` is the same.
// Without tools one request. With tools the fake model asks for the first tool on every turn, so the
// run takes all maxTurns tool turns (5 by default) and then answers: maxTurns + 1 requests, each
// sending the prompt and every earlier reply (a tool's result is added when it is text).
import { sendToHost, textsOf } from "./runtime.js";

export async function generate(options) {
  const tools = options.tools ?? [];
  const requests = tools.length ? (options.maxTurns ?? 5) + 1 : 1;
  const earlier = [];
  let text = "";
  for (let turn = 0; turn < requests; turn++) {
    const reply = await sendToHost({
      sdk: "genkit",
      api: "generate",
      model: options.model,
      prompt: [...textsOf(options.system), ...textsOf(options.messages), ...textsOf(options.prompt), ...earlier],
      maxTokens: options.config?.maxOutputTokens,
    });
    text = reply.text;
    earlier.push(reply.text);
    if (turn === requests - 1) break;
    const result = await tools[0].fn({ input: reply.text });
    if (typeof result === "string" && result) earlier.push(result);
  }
  return { text };
}

export function genkit() {
  return { generate, defineTool: (config, fn) => ({ name: config.name, fn }) };
}
