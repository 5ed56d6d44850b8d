// Pattern: a thin LLM wrapper in its own module; wrapper-agent.ts calls it in a loop.
// The wrapper sends whatever conversation it is handed, so its cost is decided by its callers:
// the analyzer summarises it and charges each call where it is made (see wrapper-agent.ts).
// Expected bounds at this call site, per call of ask(): input Θ(|messages|·|messages[]|);
//                  output Θ(out[gpt-4o]) (no max_tokens).
import OpenAI from "openai";

const client = new OpenAI();

export type ChatMessage = { role: "system" | "user" | "assistant"; content: string };

export async function ask(messages: ChatMessage[]): Promise<string> {
  const completion = await client.chat.completions.create({ model: "gpt-4o", messages });
  return completion.choices[0].message.content ?? "";
}
